using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Integritas.Web.Features.Open311;

/// <summary>The two Open311 formats, named by the URL's suffix.</summary>
public enum Open311Format
{
    Json,
    Xml,
}

/// <summary>
/// Writes one Open311 document in either format from the same calls, straight into the response pipe, so a list of
/// a thousand requests is streamed rather than built in memory. JSON: lists are arrays and elements' names are
/// dropped; XML: every value is an element (<c>&lt;name&gt;value&lt;/name&gt;</c>, empty for null).
/// </summary>
public abstract class Open311Writer
{
    public static string ContentType(Open311Format format) =>
        format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";

    public static Open311Writer For(Open311Format format, PipeWriter pipe) =>
        format == Open311Format.Json ? new JsonWriter(pipe) : new XmlWriter(pipe);

    /// <summary>A list at the document's root: a JSON array, an XML element holding one element per item.</summary>
    public abstract void StartList(string element);

    /// <summary>A list inside an object: a JSON array property, an XML element.</summary>
    public abstract void StartList(string name, bool nested);

    public abstract void EndList();

    /// <summary>An object: inside a list (or at the root) JSON has no name for it.</summary>
    public abstract void StartObject(string element);

    public abstract void EndObject();

    public abstract void String(string name, string? value);

    public abstract void Bool(string name, bool value);

    public abstract void Number(string name, double? value);

    public abstract void Number(string name, long value);

    /// <summary>A bare string item of a list (e.g. a format in discovery).</summary>
    public abstract void Item(string element, string value);

    /// <summary>Commits what was written to the pipe and lets it go out.</summary>
    public abstract ValueTask FlushAsync(CancellationToken ct);

    // Plain UTF-8 ("+07:00", not "\u002B07:00"): the body is served as application/json with nosniff, never inlined
    // in HTML, and simple clients compare datetimes as text.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private sealed class JsonWriter(PipeWriter pipe) : Open311Writer
    {
        private readonly Utf8JsonWriter json = new(pipe, new JsonWriterOptions { Encoder = Encoder, SkipValidation = false });

        public override void StartList(string element) => json.WriteStartArray();

        public override void StartList(string name, bool nested) => json.WriteStartArray(name);

        public override void EndList() => json.WriteEndArray();

        public override void StartObject(string element) => json.WriteStartObject();

        public override void EndObject() => json.WriteEndObject();

        public override void String(string name, string? value)
        {
            if (value is null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, value);
            }
        }

        public override void Bool(string name, bool value) => json.WriteBoolean(name, value);

        public override void Number(string name, double? value)
        {
            if (value is { } v)
            {
                json.WriteNumber(name, v);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        public override void Number(string name, long value) => json.WriteNumber(name, value);

        public override void Item(string element, string value) => json.WriteStringValue(value);

        public override async ValueTask FlushAsync(CancellationToken ct)
        {
            json.Flush();
            await pipe.FlushAsync(ct);
        }
    }

    private sealed class XmlWriter : Open311Writer
    {
        private readonly PipeWriter pipe;
        private readonly Stack<string> open = new();

        // Everything Text must escape or drop: markup, control characters, surrogates and the two non-characters.
        private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
            "<>&\"" + new string([.. Enumerable.Range(0, 32).Select(i => (char)i)]) + "\uFFFE\uFFFF" + new string([.. Enumerable.Range(0xD800, 0x800).Select(i => (char)i)]));

        public XmlWriter(PipeWriter pipe)
        {
            this.pipe = pipe;
            Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        }

        public override void StartList(string element) => Start(element);

        public override void StartList(string name, bool nested) => Start(name);

        public override void EndList() => End();

        public override void StartObject(string element) => Start(element);

        public override void EndObject() => End();

        public override void String(string name, string? value)
        {
            if (value is null)
            {
                Raw($"<{name} />");
                return;
            }

            Raw($"<{name}>");
            Text(value);
            Raw($"</{name}>");
        }

        public override void Bool(string name, bool value) => Raw(value ? $"<{name}>true</{name}>" : $"<{name}>false</{name}>");

        public override void Number(string name, double? value) =>
            String(name, value?.ToString("R", CultureInfo.InvariantCulture));

        public override void Number(string name, long value) => String(name, value.ToString(CultureInfo.InvariantCulture));

        public override void Item(string element, string value) => String(element, value);

        public override async ValueTask FlushAsync(CancellationToken ct) => await pipe.FlushAsync(ct);

        private void Start(string element)
        {
            open.Push(element);
            Raw($"<{element}>");
        }

        private void End() => Raw($"</{open.Pop()}>");

        private void Raw(string ascii)
        {
            var span = pipe.GetSpan(ascii.Length);
            var n = Encoding.UTF8.GetBytes(ascii, span);
            pipe.Advance(n);
        }

        // Escapes markup characters and drops characters XML 1.0 cannot carry (most control characters, lone surrogates).
        private void Text(string value)
        {
            if (!value.AsSpan().ContainsAny(Special))
            {
                var direct = pipe.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
                pipe.Advance(Encoding.UTF8.GetBytes(value, direct));
                return;
            }

            var builder = new StringBuilder(value.Length + 16);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '<':
                        builder.Append("&lt;");
                        break;
                    case '>':
                        builder.Append("&gt;");
                        break;
                    case '&':
                        builder.Append("&amp;");
                        break;
                    case '"':
                        builder.Append("&quot;");
                        break;
                    case '\t' or '\n' or '\r':
                        builder.Append(c);
                        break;
                    case < ' ' or '\uFFFE' or '\uFFFF':
                        break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else if (!char.IsSurrogate(c))
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            var text = builder.ToString();
            var span = pipe.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            pipe.Advance(Encoding.UTF8.GetBytes(text, span));
        }
    }
}
