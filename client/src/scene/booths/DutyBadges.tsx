/**
 * A green "staff on duty" badge over each booth whose staff are on duty, readable from afar, so a
 * visitor looking for someone to ask sees where to go. One shared texture; a sprite only for the
 * booths that have staff on duty.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as THREE from 'three';
import type { BuiltBooth } from './Booths';

function badgeTexture(text: string): THREE.CanvasTexture {
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 64;
  const g = c.getContext('2d')!;
  g.fillStyle = 'rgba(21, 128, 61, 0.92)';
  g.beginPath();
  g.roundRect(2, 6, 252, 52, 26);
  g.fill();
  g.fillStyle = '#bbf7d0';
  g.beginPath();
  g.arc(34, 32, 10, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#ffffff';
  g.font = "700 30px 'Noto Sans SC', sans-serif";
  g.textBaseline = 'middle';
  g.fillText(text, 56, 34, 190);
  const t = new THREE.CanvasTexture(c);
  t.colorSpace = THREE.SRGBColorSpace;
  return t;
}

export function DutyBadges({ booths }: { booths: BuiltBooth[] }) {
  const { t } = useTranslation();
  const label = t('booth.staffOnDuty');
  const material = useMemo(() => new THREE.SpriteMaterial({ map: badgeTexture(label), transparent: true, depthWrite: false }), [label]);
  // plain three objects (the hall registers only the JSX elements it uses: threeCatalogue.ts)
  const group = useMemo(() => {
    const g = new THREE.Group();
    g.name = 'duty-badges';
    return g;
  }, []);
  useEffect(
    () => () => {
      material.map?.dispose();
      material.dispose();
    },
    [material],
  );
  useEffect(() => {
    group.clear();
    for (const b of booths) {
      if (!b.booth.staffOnDuty) continue;
      const s = new THREE.Sprite(material);
      s.name = `duty-${b.booth.id}`;
      s.position.set(b.x, b.y + b.shape.height + 1.1, b.z);
      s.scale.set(1.6, 0.4, 1);
      s.raycast = () => {};
      group.add(s);
    }
  }, [booths, material, group]);
  return <primitive object={group} />;
}
