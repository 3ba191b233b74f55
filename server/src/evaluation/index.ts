export * from './runNextLineBenchmark';
export * from './sampleTargets';
export * from './collectGaps';
export * from './benchCases';
