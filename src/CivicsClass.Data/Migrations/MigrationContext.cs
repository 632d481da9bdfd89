using System.Data.Common;
using CivicsClass.Data.Dialects;
using Dapper;

namespace CivicsClass.Data.Migrations;

public sealed class MigrationContext(DbConnection connection, DbTransaction transaction, ISqlDialect dialect)
{
    public ISqlDialect Dialect => dialect;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public Task ExecuteAsync(string sql) => connection.ExecuteAsync(sql, transaction: transaction);
}
