/**
 * A row of one of the extension's tree views (Datasets, Weak areas), built by pure code so that a view's rows are
 * unit-tested without VS Code; `Extra` is what one view's rows carry besides (a dataset to act on, a line to open).
 */
export type TreeRow<Extra extends object = object> = Extra & {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Decides which context-menu commands the row offers; each view lists its values. */
  contextValue: string;
  /** Codicon name. */
  icon?: string;
  children: TreeRow<Extra>[];
};
