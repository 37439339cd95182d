// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Reflection;

namespace Tgi.Sdk.Tests.PublicApi;

/// <summary>
/// Lists an assembly's public surface, one type or member per line, sorted, in the format of Tgi.Sdk's baseline.
/// Shared by the Providers and Extensions.AI test projects (linked).
/// </summary>
internal static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        SortedSet<string> lines = new(StringComparer.Ordinal);
        foreach (Type type in assembly.GetExportedTypes())
        {
            string kind = type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
            lines.Add($"{kind} {Name(type)}");
            foreach (MemberInfo member in type.GetMembers(Flags))
            {
                string? line = member switch
                {
                    ConstructorInfo c when c.IsPublic || c.IsFamily => $"{Name(type)}::.ctor({Parameters(c)}){(c.IsFamily ? " protected" : string.Empty)}",
                    MethodInfo m when (m.IsPublic || m.IsFamily) && !m.IsSpecialName => $"{Name(type)}::{m.Name}({Parameters(m)}) -> {Name(m.ReturnType)}{(m.IsVirtual && !m.IsFinal ? " virtual" : string.Empty)}",
                    MethodInfo m when m.IsPublic && m.Name.StartsWith("op_", StringComparison.Ordinal) => $"{Name(type)}::{m.Name}({Parameters(m)}) -> {Name(m.ReturnType)}",
                    PropertyInfo p when p.GetMethod is { IsPublic: true } => $"{Name(type)}::{p.Name} : {Name(p.PropertyType)}{(p.SetMethod is { IsPublic: true } ? " { get; set; }" : " { get; }")}",
                    FieldInfo f when f.IsPublic && !type.IsEnum => $"{Name(type)}::{f.Name} : {Name(f.FieldType)}",
                    FieldInfo f when f.IsPublic && f.IsStatic => $"{Name(type)}::{f.Name}",
                    _ => null,
                };
                if (line is not null)
                {
                    lines.Add(line);
                }
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsByRef)
        {
            return Name(type.GetElementType()!) + "&";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : $"{type.Namespace}.{type.Name}";
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
