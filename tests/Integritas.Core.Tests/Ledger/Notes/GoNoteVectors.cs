namespace Integritas.Core.Tests.Ledger.Notes;

/// <summary>
/// Known-answer values from Go's reference implementation of signed notes, golang.org/x/mod/sumdb/note
/// (note.go's package documentation and note_test.go: TestNewVerifier, TestNewSigner, TestSign, TestOpen;
/// BSD-3-Clause, The Go Authors).
/// </summary>
internal static class GoNoteVectors
{
    public const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    public const string PeterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    public const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    public const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";

    public const string PeterSignatureBase64 = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
    public const string EnochSignatureBase64 = "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

    public const string PeterSig = "\u2014 PeterNeumann " + PeterSignatureBase64 + "\n";
    public const string EnochSig = "\u2014 EnochRoot " + EnochSignatureBase64 + "\n";

    /// <summary>The output of TestSign: the text signed by Peter's key.</summary>
    public const string PeterSigned = Text + "\n" + PeterSig;
}
