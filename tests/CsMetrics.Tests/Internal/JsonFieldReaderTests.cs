using CsMetrics.Internal;

namespace CsMetrics.Tests.Internal;

public class JsonFieldReaderTests
{
    [Fact]
    public void Unknown_fields_duplicate_keys_and_wrong_kinds_are_collected_with_paths()
    {
        var reader = new JsonFieldReader();
        using var document = reader.Parse("""{ "a": 1, "a": 2, "colour": "red", "n": "x", "b": 3, "flag": 1, "list": {} }""")!;
        var root = document.RootElement;
        Assert.True(reader.Object(root, "", "a", "color", "n", "b", "flag", "list"));
        Assert.Null(reader.Number(root, "n", ""));
        Assert.Null(reader.Boolean(root, "flag", ""));
        Assert.False(reader.Array(root, "list", "", required: false, out _));
        Assert.Null(reader.String(root, "missing", "", required: true));
        Assert.Equal(3, reader.Number(root, "b", ""));
        Assert.Equal(
        [
            ("a", "the key 'a' is given more than once in the document; give it once"),
            ("colour", "unknown field 'colour' (did you mean 'color'?); expected one of a, color, n, b, flag, list"),
            ("n", "n must be a number; got \"x\""),
            ("flag", "flag must be true or false; got 1"),
            ("list", "list must be an array; got an object"),
            ("missing", "missing is required"),
        ], reader.Errors);
        Assert.Equal("x.y", JsonFieldReader.Join("x", "y"));
        Assert.Equal("y", JsonFieldReader.Join("", "y"));
    }

    [Fact]
    public void Invalid_json_is_one_problem_with_its_line()
    {
        var reader = new JsonFieldReader();
        Assert.Null(reader.Parse("{\n \"a\": }"));
        Assert.Contains("line 2", Assert.Single(reader.Errors).Message);
    }
}
