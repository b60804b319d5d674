//! The words of the Hotkeys section: its editor, its rules' sentences and the sections' names.
//! The English is linked into the section's chunk; the Chinese, with the 71 defaults' names and
//! descriptions, has a chunk of its own (`lang_zh_hotkeys`), fetched with the section's code
//! when the page speaks Chinese. The defaults' English stays beside their keys in
//! `domain/hotkeys/defaults.rs`.

use super::{catalog, Catalog};
use crate::domain::hotkeys::DefaultHotkey;

catalog!(
    /// A string of the Hotkeys section.
    HotkeysMsg {
        // The section's sections (cards).
        AnnotationTitle => "Annotation Actions",
        AnnotationAbout => "Submit, skip, undo and redo while labelling.",
        DataManagerTitle => "Data Manager",
        DataManagerAbout => "Moving through the task list of a project.",
        RegionsTitle => "Region Management",
        RegionsAbout => "Selecting, hiding, locking and deleting regions.",
        ToolsTitle => "Tools",
        ToolsAbout => "Image tools and zoom.",
        AudioTitle => "Audio Controls",
        AudioAbout => "Playback and stepping in audio.",
        VideoTitle => "Video Controls",
        VideoAbout => "Playback, frames and keyframes in video.",
        TimeSeriesTitle => "Time Series Controls",
        TimeSeriesAbout => "Growing and shrinking time series regions.",
        GalleryTitle => "Image Gallery Navigation",
        GalleryAbout => "Moving between images of one task.",
        ParagraphsTitle => "Paragraph Navigation",
        ParagraphsAbout => "Moving through phrases and their regions.",
        OtherTitle => "Other",
        OtherAbout => "Stored for your account but unknown to this page (for example from a newer Label Studio). Kept as they are.",
        // Loading.
        NotOnServer => "{section} is not available on this server. {why}",
        LoadingHotkeys => "Loading hotkeys…",
        YourHotkeys => "your hotkeys",
        ProfileCopy => "Could not load your hotkeys ({reason}); showing the copy from your profile. Saving checks the server again.",
        // The editor.
        Intro => "Click a key, or focus it and press Enter, then press the new combination. Keys are saved in the spelling the Label Studio editor understands, so remapped keys work while labelling.",
        RestoredEdits => "Restored the hotkey edits you had not saved yet; check them and Save.",
        NoMatch => "No hotkey matches.",
        SummaryLine => "{shown} of {total} hotkeys shown",
        SummaryConflictsOne => " · 1 with a conflict (marked below)",
        SummaryConflictsMany => " · {count} with a conflict (marked below)",
        // Saving.
        HotkeysSaved => "Hotkeys saved.",
        SavedConflictsOne => "Hotkeys saved. 1 hotkey shares keys with another action (marked below).",
        SavedConflictsMany => "Hotkeys saved. {count} hotkeys share keys with another action (marked below).",
        ImportedOne => "Imported: 1 hotkey changed.",
        ImportedMany => "Imported: {count} hotkeys changed.",
        ResetOne => "Reset to defaults: 1 hotkey changed.",
        ResetMany => "Reset to defaults: {count} hotkeys changed.",
        Undone => "Undone: your previous hotkeys are back.",
        SaveFailed => "Not saved: {reason} Your changes are still here.",
        SaveRefused => "Not saved: {problems}",
        StaleNotSaved => "Not saved: your hotkeys were changed elsewhere. Choose below.",
        LoadedTheirs => "Loaded the stored hotkeys; your unsaved edits were discarded.",
        NoUnsaved => "No unsaved changes",
        UnsavedOne => "1 unsaved change",
        UnsavedMany => "{count} unsaved changes",
        Discard => "Discard",
        Undo => "Undo",
        // The toolbar.
        LoadingTools => "Loading…",
        ToolsMissing => "Could not open this: its code did not arrive from the server. Check the connection and try again; if Label Studio was just updated, reload the page.",
        HotkeyActions => "Hotkey actions",
        Import => "Import…",
        Export => "Export",
        CopyJson => "Copy JSON",
        ResetToDefaults => "Reset to defaults…",
        Exported => "Exported hotkeys-export.json.",
        DownloadBlocked => "The browser blocked the download.",
        CopiedJson => "Hotkeys copied as JSON.",
        CopyRefused => "The browser did not allow copying.",
        // The filters.
        Filter => "Filter",
        FilterPlaceholder => "Action, description or key",
        FindByKeys => "Find by keys",
        FindingKeys => "Press keys to find… Esc stops",
        ModifiedOnly => " Modified only",
        ShowingBoundTo => "Showing hotkeys bound to {keys}.",
        ShowAll => "Show all",
        // A row.
        Modified => "Modified",
        DefaultKeys => "Default: {keys}",
        SpecialKeyFor => "Special keys for {label}",
        ResetLabel => "Reset {label} to default",
        Reset => "Reset",
        EnableLabel => "Enable {label}",
        KeySet => "{keys} set for {label}.",
        AlsoBoundAsk => " It is also bound to another action: swap, replace or keep both.",
        BackToDefault => "{label} is back to its default.",
        Swapped => "Swapped keys.",
        OtherSwitchedOff => "The other action was switched off.",
        AlsoBoundTo => "Also bound to: {names}",
        SharedByDefault => "Shared by default with: {names}",
        ResolveConflict => "Resolve the conflict",
        Swap => "Swap",
        Replace => "Replace",
        KeepBoth => "Keep both",
        // The key button.
        Recording => "Recording: press the new keys. Esc cancels; Tab offers Esc, Tab, Enter and Space.",
        RecordingCancelled => "Recording cancelled.",
        ChangeTitle => "{keys}: click or press Enter to change",
        ChangeLabel => "Change {label}: ",
        PressKeys => "Press keys… Esc to cancel",
        // Reset and the stale-changes panel.
        AllDefault => "All hotkeys already have their default keys.",
        ResetAskOne => "Reset all hotkeys to their defaults? 1 hotkey will change. You can undo this right after.",
        ResetAskMany => "Reset all hotkeys to their defaults? {count} hotkeys will change. You can undo this right after.",
        ResetConfirm => "Reset to defaults",
        StaleText => "Your hotkeys were changed somewhere else (another tab or the editor) after this page loaded. Saving now would overwrite these changes:",
        SaveMine => "Save mine anyway",
        LoadTheirs => "Load theirs, discard mine",
        // Import.
        ImportTitle => "Import hotkeys",
        ImportHint => "Label Studio's export file (hotkeys-export.json) or a list of hotkeys. An import replaces all your hotkeys: ones it leaves out go back to their defaults. You will see the changes before anything is saved.",
        HotkeysJson => "Hotkeys JSON",
        ChooseFile => "Choose a hotkeys file",
        Check => "Check",
        Close => "Close",
        FileUnreadable => "The file could not be read.",
        NothingImportedOne => "Nothing was imported. 1 problem:",
        NothingImportedMany => "Nothing was imported. {count} problems:",
        ImportSame => "The file matches your current hotkeys; nothing would change.",
        WouldChangeOne => "1 hotkey would change:",
        WouldChangeMany => "{count} hotkeys would change:",
        ApplyImport => "Apply import",
        Action => "Action",
        Now => "Now",
        After => "After",
        KeysOff => "{keys} (off)",
        Conflict => " conflict",
        ImportItemField => "Item {item}, {field}: {problem}",
        ImportItem => "Item {item}: {problem}",
        TooLargeFile => "The file is {bytes} bytes; imports are limited to 1 MiB ({max} bytes).",
        PasteFirst => "Paste or choose a hotkeys file first.",
        NotJson => "Not valid JSON (line {line}, column {column}): {error}",
        HotkeysNotList => "“hotkeys” must be a list.",
        NotAnExport => "Expected a Label Studio hotkeys export: an object with “hotkeys”, or a list.",
        NoHotkeysInFile => "The file has no hotkeys.",
        TooManyInFile => "The file has {count} hotkeys; Label Studio stores at most {max}.",
        MustBeObject => "must be an object.",
        MissingOrEmpty => "is missing or empty.",
        UnknownHotkey => "“{id}” is not a hotkey of Label Studio 1.23.2.",
        TrueOrFalse => "must be true or false.",
        Twice => "“{id}” appears more than once.",
        // Key rules.
        SecurityBlocked => "Key combination '{key}' is not allowed for security reasons",
        OsUses => "{reason}: the operating system uses it.",
        BrowserUses => "The browser uses this combination ({what}), so the editor may never receive it.",
        ClosesTab => "closes the tab",
        OpensTab => "opens a tab",
        OpensWindow => "opens a window",
        Reloads => "reloads the page",
        AddressBar => "focuses the address bar",
        QuitsBrowser => "quits the browser",
        SwitchesTabs => "switches tabs",
        KeyRequired => "A key is required; to turn a hotkey off, use its switch instead.",
        KeyTooLong => "“{key}” is longer than {max} characters.",
        CharNotAllowed => "“{char}” is not allowed in a key; use ASCII letters, digits and symbols.",
        KeyProblem => "“{key}”: {problem}.",
        ProblemSentence => "{problem}.",
        TooManyStored => "{count} custom hotkeys; Label Studio stores at most {max}.",
        BadId => "“{id}” is not a valid hotkey id (section:action, at most 100 characters).",
        IdProblem => "{id}: {problem}",
        NoKeyGiven => "no key given",
        OnlyModifiers => "only modifier keys; add a key such as a letter",
        TwoKeys => "two keys ({a} and {b}); a hotkey has one key plus modifiers",
        NotBindable => "“{key}” is not a key the editor can bind",
        NotAscii => "“{key}” is not an ASCII key; Label Studio only stores ASCII keys",
        CantUse => "“{key}” can't be used in a hotkey; try another key.",
        KeypadDigit => "The labeling editor hears keypad digits without their modifiers; use the main keyboard's “{key}” instead.",
        KeypadOther => "The labeling editor doesn't react to the keypad's “{key}”; use the main keyboard's instead.",
        // The single-key switch.
        SingleKeysOff => "Turn off single-key shortcuts",
        SingleKeysHint => "Turns off every hotkey without Ctrl, Alt or ⌘ (such as H, Shift+R or Delete), so that speech input or a slip of the hand cannot set off an action in the editor. Turning it off again brings back exactly those; the ones you had turned off yourself stay off.",
        NoSingleKey => "No hotkey was a single key. Save to keep the switch on.",
        TurnedOffOne => "Turned off 1 single-key hotkey. Save to apply it in the editor.",
        TurnedOffMany => "Turned off {count} single-key hotkeys. Save to apply it in the editor.",
        TurnedOnOne => "Turned 1 hotkey back on; the ones you had turned off stay off. Save to apply it.",
        TurnedOnMany => "Turned {count} hotkeys back on; the ones you had turned off stay off. Save to apply it.",
        // Try a key.
        TryAKey => "Try a key",
        PressKeysHere => "Press keys here",
        TryHint => "Shows what a combination does in Label Studio with your hotkeys as they are on this page, saved or not. Tab leaves the field.",
        StoredAs => "Stored as",
        Fires => "Fires",
        NoAction => "No action",
        ActionIn => "{action} in {scope}",
        SwitchedOff => "Switched off",
        KeptByBrowser => "Kept by the browser or system",
        TriedNone => "{keys}: no action.",
        TriedOne => "{keys}: {action}.",
        TriedMany => "{keys}: {count} actions, {actions}.",
        ActionInSection => "{label} ({section})",
        ScopeDataManager => "the project's task list (Data Manager), not while labeling",
        ScopeEveryTask => "the labeling editor, on every task",
        ScopeImage => "the labeling editor, on image tasks",
        ScopeAudio => "the labeling editor, on audio tasks",
        ScopeVideo => "the labeling editor, on video tasks",
        ScopeTimeSeries => "the labeling editor, on time series tasks",
        ScopeGallery => "the labeling editor, on tasks with several images",
        ScopeParagraphs => "nowhere yet: Label Studio 1.23.2's editor does not read your keys for paragraphs (it keeps their defaults)",
        ScopeNowhere => "nowhere: Label Studio does not know this action",
        // A project's label keys.
        KeyboardMap => "Keyboard map",
        CheckProject => "Check a project's label keys",
        Project => "Project",
        PartOfTitle => "Part of its title.",
        YourProjects => "your projects",
        TheProject => "the project",
        NoProject => "No project matches.",
        MoreProjects => "Showing {shown} of {count} projects; type more of the title.",
        KeysHeadingOne => "{title}: 1 key from its labeling config.",
        KeysHeadingMany => "{title}: {count} keys from its labeling config.",
        GivenByEditor => " (given by the editor)",
        NoClash => "None of your hotkeys fires with them.",
        ClashesOne => "1 of your hotkeys fires with them in this project:",
        ClashesMany => "{count} of your hotkeys fire with them in this project:",
        ClashSentence => "{what} and your {binding} are both on {key}.",
        TurnMineOff => "Turn mine off",
        ChangeMine => "Change mine",
        TurnedOffSave => "{label} is turned off. Save to keep it.",
        TitleProblem => "{title}: {problem}",
        ConfigTooLarge => "Its labeling config is {size} KB, too large to check here (the limit is {max} KB).",
        ConfigTooManyTags => "Its labeling config has more than {max} tags, too many to check here.",
        ConfigBroken => "Its labeling config can't be read: {why}.",
        CommentOpen => "a comment is not closed",
        CdataOpen => "a CDATA section is not closed",
        MarkupOpen => "a tag is not closed",
        StrayLt => "a “<” that starts no tag",
        TagOpen => "the tag <{tag}> is not closed",
        AttributeNoName => "an attribute of <{tag}> has no name",
        ValueNotQuoted => "the value of {name} is not quoted",
        ValueOpen => "the value of {name} is not closed",
        TagLabel => "Label “{value}”",
        TagChoice => "Choice “{value}”",
        TagRating => "Rating “{value}”",
        TagNumber => "Number “{value}”",
        TagShortcut => "Shortcut “{value}”",
        TagFilter => "Filter “{value}”",
        TagTimeSeries => "Time series “{value}”",
        TagAudio => "Audio “{value}”",
    }
);

/// The catalog's lookup in one language.
pub type Tr = fn(HotkeysMsg) -> &'static str;

/// English, for the rules' tests.
pub const EN: Tr = <HotkeysMsg as Catalog>::english;

/// The section's words in one language: its catalog, and the name and description of each of
/// Label Studio's defaults.
#[derive(Clone, Copy)]
pub struct HotkeyWords {
    pub t: Tr,
    pub default: fn(&'static DefaultHotkey) -> (&'static str, &'static str),
}

impl HotkeyWords {
    /// English: the defaults' words as `defaults.rs` has them.
    pub const ENGLISH: HotkeyWords = HotkeyWords {
        t: EN,
        default: english_default,
    };

    pub fn t(self, msg: HotkeysMsg) -> &'static str {
        (self.t)(msg)
    }

    /// A template of the catalog, filled.
    pub fn fill(self, msg: HotkeysMsg, args: &[(&str, &str)]) -> String {
        super::fill(self.t(msg), args)
    }
}

fn english_default(default: &'static DefaultHotkey) -> (&'static str, &'static str) {
    (default.label, default.description)
}
