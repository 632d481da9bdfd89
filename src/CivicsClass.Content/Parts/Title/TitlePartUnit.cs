namespace CivicsClass.Content.Parts;

internal sealed class TitlePartUnit : TextPartUnit<TitlePart>
{
    protected override string Field => "Title";

    protected override string Label => "标题";

    protected override string SeedKey => "title";

    protected override string Input => "text";

    protected override bool RequiredUnlessSet => true;

    protected override int? MaxLengthUnlessSet => 200;

    protected override string? Read(TitlePart part) => part.Title;

    protected override TitlePart Make(string value) => new() { Title = value };
}
