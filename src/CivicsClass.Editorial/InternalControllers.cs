using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace CivicsClass.Editorial;

/// <summary>
/// Lets MVC find this module's controllers although they are internal, as the services they take are:
/// the module keeps its types to itself. Public controllers are left to the default provider.
/// </summary>
internal sealed class InternalControllers : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo) =>
        typeInfo.Assembly == typeof(InternalControllers).Assembly && typeInfo is { IsClass: true, IsAbstract: false, IsPublic: false }
        && typeof(Controller).IsAssignableFrom(typeInfo) && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal);
}
