//! The words of the keyboard map and its cheat sheet, which arrive with Hotkeys' rarely used
//! tools (the `on_demand` chunk); their English and Chinese are both linked into that chunk.

use super::catalog;

catalog!(
    /// A string of the keyboard map.
    MapMsg {
        Layers => "Modifier layers",
        NoModifier => "No modifier",
        BoundOne => "{count} key bound with {layer}. Choose a key to show its rows in the list below.",
        BoundMany => "{count} keys bound with {layer}. Choose a key to show its rows in the list below.",
        KeySeparator => ": ",
        Separator => ", ",
        AlsoDoes => " (also {actions})",
        Clash => "clash",
        Kept => "kept by the browser or system",
        InEditor => "in the editor",
        InDataManager => "in the data manager",
        InBoth => "in the editor and the data manager",
        LegendClash => "Clash",
        LegendKept => "Kept by the browser or system",
        LegendDataManager => "Heard in the data manager",
        LayoutFromBrowser => "Letters as your keyboard layout prints them.",
        LayoutUs => "Letters as on a US keyboard (this browser does not tell the layout).",
        Print => "Print cheat sheet",
        SheetTitle => "Label Studio hotkeys",
        SheetList => "Every enabled hotkey",
    }
);
