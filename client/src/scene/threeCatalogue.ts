/**
 * The three.js classes the scene writes as JSX elements (<mesh>, <group>, ...). @react-three/fiber's
 * <Canvas> registers its catalogue with `extend(THREE)`, which would keep all of three.js in the
 * bundle; vite.config.ts hands it this module instead, so three is tree-shaken to what the hall
 * uses. An element missing here fails loudly ("... is not part of the THREE namespace"), and
 * tests/unit/threeCatalogue.test.ts checks every element the scene's files write is listed.
 */
export { BoxGeometry, DirectionalLight, Group, HemisphereLight, Mesh, MeshBasicMaterial, MeshStandardMaterial, PlaneGeometry } from 'three';
