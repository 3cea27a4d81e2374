using Dermis.Cli;

return await DermisCommand.RunAsync(args, Console.Out, Console.Error);
