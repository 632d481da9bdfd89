using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class ListPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentPart<ListPart, ListPartUnit>("内容列表（有序收录其他内容）", 90, choosable: true).AddPartContribution<ListPartEditor>();
}
