using System.Globalization;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed class GeoPointPartUnit : IPartEditor, IPartValidator, IPartDisplay, IPartSeedMapper
{
    public string PartName => nameof(GeoPointPart);

    public IReadOnlyCollection<string> Keys { get; } = ["geo"];

    public Task BuildAsync(PartEditorContext context)
    {
        var point = context.Item.Part<GeoPointPart>();
        context.Add(new("Geo", "地图坐标（纬度、经度）", "geo", "GeoPointPart", Format(point.Latitude), Value2: Format(point.Longitude)));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new GeoPointPart
        {
            Latitude = (double?)Number(context.Form, "Latitude", "GeoPointPart", context.Errors),
            Longitude = (double?)Number(context.Form, "Longitude", "GeoPointPart", context.Errors),
        });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        var point = context.Item.Part<GeoPointPart>();
        if (point.Latitude is < -90 or > 90 || point.Longitude is < -180 or > 180)
        {
            context.Result.Fail("GeoPointPart", "坐标超出范围：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间。");
        }
        else if (point.Latitude is null != point.Longitude is null)
        {
            context.Result.Fail("GeoPointPart", "纬度和经度要么都填，要么都不填。");
        }

        return Task.CompletedTask;
    }

    public Task DisplayAsync(PartDisplayContext context)
    {
        if (context.Item.Part<GeoPointPart>() is { Latitude: { } latitude, Longitude: { } longitude })
        {
            context.Display.Set(new GeoPointDisplay(latitude, longitude));
        }

        return Task.CompletedTask;
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        var file = context.File;
        double Coordinate(string name) =>
            value is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var v)
                && double.TryParse(SeedValues.Scalar(file, v, line), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new SeedException(file.Path, line, $"geo 需要数字形式的 {name}。");
        context.Item.Apply(new GeoPointPart { Latitude = Coordinate("lat"), Longitude = Coordinate("lng") });
        return Task.CompletedTask;
    }

    private static string? Format(double? value) => value?.ToString(CultureInfo.InvariantCulture);
}
