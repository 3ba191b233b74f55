export * from './runNextLineBenchmark';
export * from './sampleTargets';
export * from './collectGaps';
export * from './runBlockBenchmark';
export * from './caseCalibration';
export * from './benchCases';
