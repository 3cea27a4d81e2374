using Dermis.Cli;

return await DermisCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
