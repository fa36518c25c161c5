export type { EmbeddedSpl } from './embeddedSpl';
export { readYamlScalar } from './yamlScalar';
export {
  readDetectionYaml,
  detectionFilterMacroName,
  type DetectionDataset,
  type DetectionTest,
  type DetectionYaml,
} from './detection';
export { maxYamlLength } from './yamlDocument';
