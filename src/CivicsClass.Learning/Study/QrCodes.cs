using QRCoder;

namespace CivicsClass.Learning.Study;

/// <summary>QR codes as inline SVG: sharp at any size, printable, and no image endpoint to serve.</summary>
public static class QrCodes
{
    /// <summary>The QR code of <paramref name="text"/> as an SVG element sized by its view box.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
