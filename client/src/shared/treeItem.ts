import * as vscode from 'vscode';
import type { TreeRow } from './treeRow';

/** The VS Code item of a row: collapsed when it has children (open from the start when `expanded`), a leaf otherwise. */
export function treeItemOf(row: TreeRow, expanded = false): vscode.TreeItem {
  const state = row.children.length === 0
    ? vscode.TreeItemCollapsibleState.None
    : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(row.label, state);
  item.id = row.id;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.contextValue = row.contextValue;
  if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon);
  return item;
}
