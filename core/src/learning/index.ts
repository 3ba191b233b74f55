export * from './outcomeRating';
export * from './trajectoryWeights';
export * from './expectedCalibrationError';
export * from './calibrator';
export * from './thresholdForPrecision';
export * from './calibrationReport';
