// A bare .NET console program: what every PowerShell-based check pays before it does any work.
System.Console.WriteLine("Hello, World!");
