using Microsoft.CodeAnalysis;

namespace Codegen.Generator;

// One descriptor per contract evolution rule (CG2001-CG2141), which the compile-time guard reports
// (ContractGenerator.Baselines.cs); titles and default severities come from the catalogue. A field per id lets the
// release-tracking analyzer match AnalyzerReleases.Unshipped.md against them.
public sealed partial class ContractGenerator
{
    internal static readonly DiagnosticDescriptor OperationRemovedChange = Describe("CG2001");
    internal static readonly DiagnosticDescriptor OperationAddedChange = Describe("CG2002");
    internal static readonly DiagnosticDescriptor OperationRenamedChange = Describe("CG2003");
    internal static readonly DiagnosticDescriptor OperationMovedChange = Describe("CG2004");
    internal static readonly DiagnosticDescriptor RequiredParameterAddedChange = Describe("CG2005");
    internal static readonly DiagnosticDescriptor OptionalParameterAddedChange = Describe("CG2006");
    internal static readonly DiagnosticDescriptor ParameterRemovedChange = Describe("CG2007");
    internal static readonly DiagnosticDescriptor ParameterMadeRequiredChange = Describe("CG2008");
    internal static readonly DiagnosticDescriptor ParameterMadeOptionalChange = Describe("CG2009");
    internal static readonly DiagnosticDescriptor RequestBodyRequiredChange = Describe("CG2010");
    internal static readonly DiagnosticDescriptor RequestBodyRemovedChange = Describe("CG2011");
    internal static readonly DiagnosticDescriptor MediaTypeChangedChange = Describe("CG2012");
    internal static readonly DiagnosticDescriptor SuccessStatusRemovedChange = Describe("CG2013");
    internal static readonly DiagnosticDescriptor ErrorStatusRemovedChange = Describe("CG2014");
    internal static readonly DiagnosticDescriptor SuccessStatusAddedChange = Describe("CG2015");
    internal static readonly DiagnosticDescriptor ErrorStatusAddedChange = Describe("CG2016");
    internal static readonly DiagnosticDescriptor ResponseBodyRemovedChange = Describe("CG2017");
    internal static readonly DiagnosticDescriptor PathParameterRenamedChange = Describe("CG2018");
    internal static readonly DiagnosticDescriptor StreamingRemovedChange = Describe("CG2020");
    internal static readonly DiagnosticDescriptor StreamingAddedChange = Describe("CG2021");
    internal static readonly DiagnosticDescriptor StreamChangedChange = Describe("CG2022");
    internal static readonly DiagnosticDescriptor DefaultServerChangedChange = Describe("CG2025");
    internal static readonly DiagnosticDescriptor ServerRemovedChange = Describe("CG2026");
    internal static readonly DiagnosticDescriptor ServerAddedChange = Describe("CG2027");
    internal static readonly DiagnosticDescriptor SecurityTightenedChange = Describe("CG2030");
    internal static readonly DiagnosticDescriptor SecuritySchemeChangedChange = Describe("CG2031");
    internal static readonly DiagnosticDescriptor SecurityLoosenedChange = Describe("CG2032");
    internal static readonly DiagnosticDescriptor TypeChangedChange = Describe("CG2101");
    internal static readonly DiagnosticDescriptor RequiredPropertyAddedChange = Describe("CG2102");
    internal static readonly DiagnosticDescriptor OptionalPropertyAddedChange = Describe("CG2103");
    internal static readonly DiagnosticDescriptor PropertyRemovedChange = Describe("CG2104");
    internal static readonly DiagnosticDescriptor PropertyMadeRequiredChange = Describe("CG2105");
    internal static readonly DiagnosticDescriptor PropertyMadeOptionalChange = Describe("CG2106");
    internal static readonly DiagnosticDescriptor PropertyMadeNullableChange = Describe("CG2107");
    internal static readonly DiagnosticDescriptor PropertyNoLongerNullableChange = Describe("CG2108");
    internal static readonly DiagnosticDescriptor RangeNarrowedChange = Describe("CG2110");
    internal static readonly DiagnosticDescriptor RangeWidenedChange = Describe("CG2111");
    internal static readonly DiagnosticDescriptor LengthNarrowedChange = Describe("CG2112");
    internal static readonly DiagnosticDescriptor LengthWidenedChange = Describe("CG2113");
    internal static readonly DiagnosticDescriptor ItemCountNarrowedChange = Describe("CG2114");
    internal static readonly DiagnosticDescriptor ItemCountWidenedChange = Describe("CG2115");
    internal static readonly DiagnosticDescriptor PatternAddedChange = Describe("CG2116");
    internal static readonly DiagnosticDescriptor PatternChangedChange = Describe("CG2117");
    internal static readonly DiagnosticDescriptor PatternRemovedChange = Describe("CG2118");
    internal static readonly DiagnosticDescriptor EnumValueRemovedChange = Describe("CG2120");
    internal static readonly DiagnosticDescriptor EnumValueAddedChange = Describe("CG2121");
    internal static readonly DiagnosticDescriptor OpenEnumValueAddedChange = Describe("CG2122");
    internal static readonly DiagnosticDescriptor UnionAlternativeAddedChange = Describe("CG2125");
    internal static readonly DiagnosticDescriptor UnionAlternativeRemovedChange = Describe("CG2126");
    internal static readonly DiagnosticDescriptor AdditionalPropertiesClosedChange = Describe("CG2130");
    internal static readonly DiagnosticDescriptor DefaultChangedChange = Describe("CG2135");
    internal static readonly DiagnosticDescriptor ConstantChangedChange = Describe("CG2136");
    internal static readonly DiagnosticDescriptor DefinitionRemovedChange = Describe("CG2140");
    internal static readonly DiagnosticDescriptor DefinitionAddedChange = Describe("CG2141");
}
