export * from './outcomeRating';
export * from './trajectoryWeights';
