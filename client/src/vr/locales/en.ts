/** VR words (English), registered when the XR chunk loads. */
export const en = {
  enter: 'Enter VR',
  failed: 'Could not enter VR: the headset did not respond. Please try again.',
  booth: {
    exhibitor: 'Exhibitor: {{name}}',
    staffOn: 'Staff on duty',
    staffOff: 'No staff on duty right now',
    products: 'Products',
    noProducts: 'No products yet',
    leaveCard: 'Leave card',
    askStaff: 'Ask staff',
    meeting: 'Book meeting',
    close: 'Close',
    onScreen: 'Cards, questions and bookings need typing: VR ends and you continue on the screen',
  },
  captions: { stage: 'Stage', guide: 'Guide' },
  hint: 'Trigger: point at the ground to teleport, at a booth to open it · Stick left/right: turn',
};
