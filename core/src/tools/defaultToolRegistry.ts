import { calculatorExecutor, calculatorTool } from './calculatorTool';
import { codeExecutorTool } from './codeExecutorTool';
import { imageGenerationExecutor, imageGeneratorTool, webSearchExecutor, webSearchTool, type ImageGenerationProvider, type WebSearchProvider } from './providerTools';
import type { ToolExecutor } from './tool';
import { ToolError } from './toolErrors';
import { ToolRegistry } from './toolRegistry';
import { readFileTool, workspaceSearchTool } from './workspaceTools';

/** Executors that need a host (processes, files) and the optional providers. */
export interface ToolHostExecutors {
  codeExecutor?: ToolExecutor;
  workspaceSearch?: ToolExecutor;
  readFile?: ToolExecutor;
  webSearch?: WebSearchProvider;
  imageGeneration?: ImageGenerationProvider;
}

function unavailable(toolId: string, why: string): ToolExecutor {
  return {
    async execute() {
      throw new ToolError('unavailable', `${toolId} is not available here: ${why}`);
    },
  };
}

/**
 * The built-in tools in preference order: calculator, code executor, read-file, workspace search, web search, image
 * generation. A host tool without an executor is still listed (so a request for it gets a clear answer), but refuses.
 */
export function createDefaultToolRegistry(host: ToolHostExecutors = {}): ToolRegistry {
  return new ToolRegistry()
    .register(calculatorTool, calculatorExecutor)
    .register(codeExecutorTool, host.codeExecutor ?? unavailable('code_executor', 'this host has no sandbox for running code'))
    .register(readFileTool, host.readFile ?? unavailable('read_file', 'no workspace is open'))
    .register(workspaceSearchTool, host.workspaceSearch ?? unavailable('workspace_search', 'no workspace is open'))
    .register(webSearchTool, webSearchExecutor(host.webSearch))
    .register(imageGeneratorTool, imageGenerationExecutor(host.imageGeneration));
}
