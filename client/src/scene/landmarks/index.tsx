/** Picks the scenery for a hall. */
import type { HallId } from '../../../../shared/halls';

export function HallScenery({ hallId }: { hallId: HallId }) {
  // Placeholder until the landmark scenes land: ground and light so the hall is not black.
  return (
    <group name={`scenery-${hallId}`}>
      <hemisphereLight args={['#bfe3ff', '#6b5a45', 1.2]} />
      <directionalLight position={[30, 50, 20]} intensity={2} />
      <mesh rotation-x={-Math.PI / 2} receiveShadow>
        <planeGeometry args={[200, 200]} />
        <meshStandardMaterial color="#d9c9a3" />
      </mesh>
    </group>
  );
}
