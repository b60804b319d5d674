//! The words of the photo editor, which arrives in a wasm chunk of its own; its English and its
//! Chinese are both linked into that chunk (opening the editor is rare, and the Chinese adds
//! about 1 KB to it), so neither is in the first page's download.

use super::catalog;

catalog!(
    /// A string of the photo editor.
    AvatarMsg {
        CantUseYet => "This image can't be used yet:",
        NotAnImage => "This is not a JPEG, PNG or GIF image (checked from the file's content).",
        Unreadable => "The image could not be read; it may be damaged.",
        TooLarge => "The image is {width} × {height} px; the limit is {max} × {max} px.",
        TooHeavy => "The file is {size}; the limit is 1024 KB ({limit} bytes).",
        BadExtension => "“{name}” must end in .jpg, .jpeg, .png or .gif.",
        CannotShrink => "The image could not be made smaller than 1024 KB.",
        SizeMb => "{size} MB ({bytes} bytes)",
        SizeKb => "{size} KB ({bytes} bytes)",
        Summary => "{name} — {width} × {height} px, {size}",
        SummaryResized => "{name} — {width} × {height} px, {size} (resized)",
        CropToSquare => " Crop to a centred square",
        ResizeToFit => "Resize to fit",
        Upload => "Upload",
        Uploading => "Uploading…",
        PreviewAlt => "Preview of the new photo",
        ConfirmRemoving => "Confirm removing the photo",
        RemoveQuestion => "Remove your photo? Your initials will be shown instead.",
        Remove => "Remove",
        Removing => "Removing…",
        KeepIt => "Keep it",
        Checking => "Checking the image…",
        Resizing => "Resizing…",
        RestoredPhoto => "Restored the photo you had chosen. It is not uploaded yet.",
        PhotoUpdated => "Photo updated.",
        PhotoRemoved => "Photo removed.",
        ReloadToSee => "{done} Reload the page to see the change here.",
        UploadFailed => "Upload failed: {error}",
        RemoveFailed => "Could not remove the photo: {error}",
        StorageFull => "The browser could not keep this photo while you sign in again (its storage is full). After signing in, choose the photo again.",
    }
);
