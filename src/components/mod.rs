//! One section or building block per file; each component is named after its file.

pub mod account_header;
pub mod avatar_editor;
pub mod avatar_frame;
pub mod avatar_slot;
pub mod connection_status;
pub mod copy_button;
pub mod email_preferences;
pub mod error_notice;
pub mod hotkey_import;
pub mod hotkey_row;
pub mod hotkeys;
pub mod key_caps;
pub mod legacy_token;
pub mod membership_info;
pub mod new_token_dialog;
pub mod personal_access_token;
pub mod personal_info;
pub mod profile_form;
pub mod section_nav;
pub mod signed_out;
pub mod status_line;
pub mod text_field;
pub mod theme_toggle;
pub mod timestamp;
pub mod userpic;
