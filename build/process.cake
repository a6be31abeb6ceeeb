// Running processes: every target's work is a dotnet, cmake or touchstone command.

// Runs a process in the repository root and fails the task on a non-zero exit code.
void Run(string tool, string arguments)
{
    var exitCode = Exec(tool, arguments);
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"`{tool} {arguments}` exited with {exitCode}");
    }
}

// Runs a process in the repository root and returns its exit code.
int Exec(string tool, string arguments)
{
    Verbose($"> {tool} {arguments}");
    return StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = repoRoot });
}

// Runs the built touchstone CLI; its exit code becomes the task's (the CLI already printed why).
void Touchstone(string arguments)
{
    if (!FileExists(cliDll))
    {
        throw new CakeException(2, $"{cliDll} is missing: run the Build target first.");
    }
    Run("dotnet", $"{Quote(cliDll.FullPath)} {arguments}");
}

string Quote(string text) => "\"" + text.Replace("\"", "\\\"") + "\"";

// Cake arguments a target passes through to the CLI unchanged: --name=value becomes --name value.
string PassThrough(params string[] names)
{
    var parts = new List<string>();
    foreach (var name in names)
    {
        foreach (var value in Arguments<string>(name, Array.Empty<string>()))
        {
            parts.Add($"--{name} {Quote(value)}");
        }
    }
    return string.Join(" ", parts);
}
