export * from './durableFiles';
export * from './runGit';
