namespace Integritas.Core.Tests.Ledger.Checkpoints;

/// <summary>
/// A real tlog-proof from the Go checksum database (sum.golang.org), from transparency-dev/incubator,
/// cmd/tlog-verify/testdata/go.sum-database-tree-43930254.tlog-proof and .raw (Apache-2.0): the entry for
/// github.com/transparency-dev/tessera v1.0.0 at index 43930254, against a checkpoint of size 58253265 signed by
/// sum.golang.org's published key. Verifying it shows interoperability with the Go implementations.
/// </summary>
internal static class SumDbVectors
{
    public const string VerifierKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    public const string Origin = "go.sum database tree";
    public const ulong Index = 43930254;
    public const string LeafHashHex = "0fa57c511c3b2ffcc0a05ad63172568d265aaf9844e9b636a0978795396f2ab1";

    public const string Entry =
        "github.com/transparency-dev/tessera v1.0.0 h1:4OT1V9xJLa5NnYlFWWlCdZkCm18/o12rdd+bCTje7XE=\n"
        + "github.com/transparency-dev/tessera v1.0.0/go.mod h1:TLvfjlkbmsmKVEJUtzO2eb9Q2IBnK3EJ0dI4G0oxEOU=\n";

    public const string Checkpoint =
        "go.sum database tree\n58253265\nlIyLAEe4zJUQAda6pFFg3yPOf7j1SgfMEDrpgoX39JU=\n\n"
        + "\u2014 sum.golang.org Az3grkvBHbFcpEFQ3BhGlktgB7pcswIW+ez91eWY6rNPtWfAey8bJO2rVoG2yO5zXvgiaikWVHqon+e14JhA+WXvpAY=\n";

    public const string ProofFile =
        "c2sp.org/tlog-proof@v1\nindex 43930254\n"
        + "Q2cuq1e21q4UC1RQ6wtmXmCxk2q3Wqz/yFvD12P2KSM=\nVdgHwjNYSv9fZVxvYzn8kySGvrjqeCnzdJqJILieWf4=\n"
        + "ARfBpZjsj3LSP42V4xBVdCKbHVa4WXSbuFAa0rUSCVQ=\n0VYgz0Vmgz6jOM8H6edZBWHtO6+R7tPvN4EOwwRRSws=\n"
        + "vq+ifloynXE+ORFC1wymQT0cpNIJA1tqg2mQpA55+kc=\nSCRewH6vHE1/Vwkt5yEW8xT7il0WbWltXjFIVqlGtQQ=\n"
        + "p//fIG8jgZie4MMwjHF7quCIJ4hErr7U4at0HV34MZQ=\nD3K5YdBlxQcklrgF8vSbDyT05J5/mA9lzuhhp72uSOk=\n"
        + "jeYlYyH9FhYGwu+ZJmfPr8GvSNdgrydwqmJgHsygoR0=\np6RFgfGhu8Uuy0LyyZdI4MrSPOZkMe+ycwWJFfr8zTI=\n"
        + "AMZsxrVKBPSe8nSNVVCTyTxWns0CiNbChG/FoiSJWuM=\ne+rtSmK5Pd1K5LgFwj7VSo5XJXOcq7OOcqPVZn1hqeM=\n"
        + "expmv1e6XiGr5NMUjMRkSZijlcBx+fZcpqQmUnawhOY=\n+Wuic0YARH84k80/Q+KJIbhRCldxG8npjLFiHMLtEpo=\n"
        + "NOMeJqlyUxFXUKYRI/1YqAF4WJBfXJr8UM/SlWGqxgY=\nLm6+TAlLb2lvUs/3unZ2t6RSmJw8RO+WuEuUbAw3QEc=\n"
        + "Jhh2EDG15gDBoLmLiF88lVTgd+uvx3L0xczb8Y3kSq8=\ntaenaiKqtYMXS3gDzIF3q8VZzqAXqftHqL9BC39njaw=\n"
        + "kZNKypGwEANnt1+msLINnqrIrwX+0MGZUTTKXTfbloI=\nA4NJSymjVJ5dvGPaGC3Gj04x8qVRKYfh0pP24mwd6Yk=\n"
        + "KQq808D9W4NUgr4ip+rF/RCyAUERYKKCwKiiAJfaFOc=\nI3EVN3zM2rDjs5Q06Zr5gxhg+ksnX2h77E75uL+h3aI=\n"
        + "7iNSYSDhMeRkeV7r9krKbKelNPiqDCJU1i6xAn/Fbuw=\nMYqdo6zSjxaAn+29EEjNRbPYm0myB3bheu+HTZIAbVY=\n"
        + "S7olT9TPLXk+bbawbV3sAzWMmhcpWrtjbw++9ZTiyn8=\nxJ20xXM4QItt5vxFOtolZ5l18p7ej1+RimNkgWmoRFM=\n"
        + "\n"
        + Checkpoint;
}
