// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Reflection;

namespace Tgi.Sdk.Tests.PublicApi;

public class PublicApiTests
{
    private static readonly Assembly s_sdk = typeof(TgiClient).Assembly;

    [Test]
    public async Task PublicSurface_ExposesNoKiotaOrGeneratedTypes()
    {
        List<string> leaks = [];
        foreach (Type type in s_sdk.GetExportedTypes())
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (Type used in TypesOf(member))
                {
                    if (IsForbidden(used))
                    {
                        leaks.Add($"{type.FullName}.{member.Name}: {used.FullName}");
                    }
                }
            }

            if (type.BaseType is { } baseType && IsForbidden(baseType))
            {
                leaks.Add($"{type.FullName} : {baseType.FullName}");
            }
        }

        await Assert.That(leaks).IsEmpty();
    }

    [Test]
    public async Task OutputModels_AreSealedOrStructs()
    {
        string[] unsealed = s_sdk.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && t != typeof(TgiClient) && t != typeof(TgiException) && !t.IsGenericTypeDefinition)
            .Select(t => t.FullName!)
            .ToArray();

        await Assert.That(unsealed).IsEmpty();
    }

    [Test]
    public async Task TgiClient_PublicServiceMethods_AreVirtualAndTakeCancellationTokenLast()
    {
        MethodInfo[] methods = typeof(TgiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .ToArray();

        await Assert.That(methods.Length).IsGreaterThan(10);
        foreach (MethodInfo method in methods)
        {
            ParameterInfo[] parameters = method.GetParameters();
            await Assert.That(method.IsVirtual).IsTrue();
            await Assert.That(parameters[^1].ParameterType).IsEqualTo(typeof(CancellationToken));
        }
    }

    private static bool IsForbidden(Type type) =>
        (type.Namespace ?? string.Empty).StartsWith("Microsoft.Kiota", StringComparison.Ordinal)
        || (type.Namespace ?? string.Empty).StartsWith("Tgi.Generated", StringComparison.Ordinal);

    private static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        IEnumerable<Type> direct = member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            PropertyInfo p => [p.PropertyType],
            FieldInfo f => [f.FieldType],
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            EventInfo e => e.EventHandlerType is null ? [] : [e.EventHandlerType],
            _ => [],
        };
        return direct.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (Type inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                foreach (Type inner in Flatten(argument))
                {
                    yield return inner;
                }
            }
        }
    }
}
