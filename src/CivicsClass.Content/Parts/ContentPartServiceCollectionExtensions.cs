using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicsClass.Content.Parts;

public static class ContentPartServiceCollectionExtensions
{
    private static readonly Type[] s_roles = [typeof(IPartEditor), typeof(IPartValidator), typeof(IPartDisplay), typeof(IPartCard), typeof(IPartIndexer), typeof(IPartSeedMapper)];

    /// <summary>Makes <typeparamref name="TPart"/> a part that recipes and types may use.</summary>
    public static IServiceCollection AddContentPart<TPart>(this IServiceCollection services, string label, int position, bool choosable = false)
        where TPart : class
    {
        services.AddSingleton(new ContentPartRegistration(typeof(TPart).Name, typeof(TPart), label, position, choosable));
        services.TryAddSingleton<KnownParts>();
        return services;
    }

    /// <summary>Makes <typeparamref name="TPart"/> known and registers <typeparamref name="TUnit"/> in every role it implements.</summary>
    public static IServiceCollection AddContentPart<TPart, TUnit>(this IServiceCollection services, string label, int position, bool choosable = false)
        where TPart : class
        where TUnit : class, IContentPartUnit =>
        services.AddContentPart<TPart>(label, position, choosable).AddPartContribution<TUnit>();

    /// <summary>
    /// Adds a contribution to a part from a module above the content module (the media library's editor of a venue's
    /// panoramas), registered in every role <typeparamref name="TUnit"/> implements.
    /// </summary>
    public static IServiceCollection AddPartContribution<TUnit>(this IServiceCollection services)
        where TUnit : class, IContentPartUnit
    {
        services.TryAddScoped<TUnit>();
        foreach (var role in s_roles.Where(r => r.IsAssignableFrom(typeof(TUnit))))
        {
            services.AddScoped(role, provider => provider.GetRequiredService<TUnit>());
        }

        return services;
    }
}
