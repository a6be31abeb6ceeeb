// Tests: every xunit project, TRX results converted to JUnit XML, and one closing summary line.
using System.Xml.Linq;

Task("Test")
    .Description("Run all xunit projects. TestResults/ gets TRX files, JUnit XML (junit/) and a summary line.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        CleanDirectory(testResults);
        var exitCode = Exec("dotnet", $"test {Quote(solution.FullPath)} -c {configuration} --no-build --nologo " +
                                      $"--logger trx --results-directory {Quote(testResults.FullPath)}");
        var totals = ConvertTrxToJUnit(testResults, testResults.Combine("junit"));
        // A plain closing line any CI can read (Cake's own logger would colour the numbers).
        Console.WriteLine($"Tests: {totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped");
        if (exitCode != 0 || totals.Failed > 0)
        {
            throw new CakeException(1, $"tests failed (dotnet test exited {exitCode}, {totals.Failed} failed)");
        }
        if (totals.Passed == 0)
        {
            throw new CakeException(1, "no test ran: check that the test projects were built");
        }
    });

record TestTotals(int Passed, int Failed, int Skipped);

// Writes one JUnit file per TRX file (test suites per test class) and returns the totals over all of them.
TestTotals ConvertTrxToJUnit(DirectoryPath trxFolder, DirectoryPath junitFolder)
{
    EnsureDirectoryExists(junitFolder);
    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(trxFolder.FullPath + "/*.trx"))
    {
        var doc = XDocument.Load(trx.FullPath);
        var classes = doc.Descendants(ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id"),
            t => (string)t.Element(ns + "TestMethod")?.Attribute("className") ?? "tests");
        var suites = doc.Descendants(ns + "UnitTestResult")
            .GroupBy(r => classes.TryGetValue((string)r.Attribute("testId") ?? "", out var c) ? c : "tests")
            .Select(group => new XElement("testsuite",
                new XAttribute("name", group.Key),
                new XAttribute("tests", group.Count()),
                new XAttribute("failures", group.Count(r => (string)r.Attribute("outcome") == "Failed")),
                new XAttribute("skipped", group.Count(r => (string)r.Attribute("outcome") == "NotExecuted")),
                group.Select(r => ToTestCase(r, group.Key, ns))));
        var junit = new XElement("testsuites", suites);
        foreach (var result in doc.Descendants(ns + "UnitTestResult"))
        {
            switch ((string)result.Attribute("outcome"))
            {
                case "Passed": passed++; break;
                case "Failed": failed++; break;
                default: skipped++; break;
            }
        }
        junit.Save(junitFolder.CombineWithFilePath(trx.GetFilenameWithoutExtension() + ".xml").FullPath);
    }
    return new TestTotals(passed, failed, skipped);
}

XElement ToTestCase(XElement result, string className, XNamespace ns)
{
    var seconds = TimeSpan.TryParse((string)result.Attribute("duration"), out var d) ? d.TotalSeconds : 0;
    var testCase = new XElement("testcase",
        new XAttribute("classname", className),
        new XAttribute("name", (string)result.Attribute("testName")),
        new XAttribute("time", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));
    var outcome = (string)result.Attribute("outcome");
    if (outcome == "Failed")
    {
        var error = result.Descendants(ns + "ErrorInfo").FirstOrDefault();
        testCase.Add(new XElement("failure",
            new XAttribute("message", (string)error?.Element(ns + "Message") ?? "failed"),
            (string)error?.Element(ns + "StackTrace") ?? ""));
    }
    else if (outcome == "NotExecuted")
    {
        testCase.Add(new XElement("skipped"));
    }
    return testCase;
}
