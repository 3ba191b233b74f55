// Calibration points and the expected calibration error have one definition, in core/learning (online learning
// calibrates suggestion confidence with them too); the QA benchmark keeps importing them from here.
export type { CalibrationPoint } from '../learning/expectedCalibrationError';
export { expectedCalibrationError } from '../learning/expectedCalibrationError';
