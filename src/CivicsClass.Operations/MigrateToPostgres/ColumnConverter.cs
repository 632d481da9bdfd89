using System.Globalization;
using NpgsqlTypes;

namespace CivicsClass.Operations.MigrateToPostgres;

/// <summary>
/// Turns what SQLite stored (integers for booleans, ISO-8601 text for instants, whatever the value
/// happened to be for the rest) into the type of the PostgreSQL column it goes to.
/// </summary>
internal static class ColumnConverter
{
    public static NpgsqlDbType TypeOf(string table, string column, string dataType) => dataType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "numeric" => NpgsqlDbType.Numeric,
        "text" or "character varying" => NpgsqlDbType.Text,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" => NpgsqlDbType.Timestamp,
        "bytea" => NpgsqlDbType.Bytea,
        "uuid" => NpgsqlDbType.Uuid,
        _ => throw new OperationException(
            $"无法迁移 {table}.{column}：不支持 PostgreSQL 类型 {dataType}。",
            $"Cannot migrate {table}.{column}: the PostgreSQL type {dataType} is not supported."),
    };

    public static object Convert(object value, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Integer => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Smallint => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Boolean => value is string text ? text is "1" or "true" or "TRUE" : System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        NpgsqlDbType.Double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Real => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Numeric => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Text => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        NpgsqlDbType.TimestampTz => Instant(value),
        NpgsqlDbType.Timestamp => DateTime.SpecifyKind(Instant(value), DateTimeKind.Unspecified),
        NpgsqlDbType.Uuid => Guid.Parse((string)value),
        _ => value,
    };

    // Microsoft.Data.Sqlite writes "yyyy-MM-dd HH:mm:ss.FFFFFFF", with an offset for a DateTimeOffset.
    private static DateTime Instant(object value) => value switch
    {
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTime instant => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => throw new FormatException($"{value} is not a date and time"),
    };
}
