export { checkExpectations, type ExpectationFailure } from './checkExpectations';
export { findDatasetRoot, locateDataset, type DatasetLocation } from './datasetLocation';
export {
  mayHoldDetectionTests,
  readDetectionTestOutline,
  readDetectionTests,
  type DetectionTestCase,
  type DetectionTestFile,
  type DetectionTestOutline,
  type TestDataset,
} from './detectionTests';
export {
  isExpectationsPath,
  loadExpectations,
  readExpectations,
  type Expectations,
  type ExpectationsFile,
} from './expectations';
export { reasonLine, toJunitXml } from './junit';
export {
  runDetectionTests,
  type DetectionTestOptions,
  type DetectionTestReport,
  type TestOutcome,
  type TestReason,
  type TestStatus,
} from './runDetectionTests';
