namespace Integritas.Data.Audit;

/// <summary>
/// Personal data (a reporter's contact details): the audit trail records that the value changed, never the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RedactedAttribute : Attribute
{
    public const string Placeholder = "[disamarkan]";
}
