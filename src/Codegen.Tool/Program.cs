using Codegen.Tool;
using Codegen.Tool.Console;

return await CodegenCli.RunAsync(args, ToolConsole.FromSystem());
