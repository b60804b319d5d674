//! Simplified Chinese, one table per catalog. Each table is reached only through a function
//! pointer that a wasm chunk of its own hands over (`src/i18n.rs`), so none of it is in the
//! first download of a page shown in English.

use super::avatar::AvatarMsg;
use super::boot::BootMsg;
use super::keyboard_map::MapMsg;
use super::main::MainMsg;
use super::sections::SectionsMsg;

/// The "page stopped" alert in Chinese (written into `boot.js` by the release tool).
pub fn boot(msg: BootMsg) -> &'static str {
    match msg {
        BootMsg::Stopped => {
            "此页面已停止工作，无法继续。请刷新页面；保存在此标签页中的修改会在刷新后恢复。"
        }
        BootMsg::Reload => "刷新",
    }
}

/// The shell and Personal info in Chinese.
pub fn main(msg: MainMsg) -> &'static str {
    use MainMsg::*;
    match msg {
        MyAccount => "我的账户",
        Menu => " 菜单",
        Projects => "项目",
        Organization => "组织",
        Docs => "文档",
        SlackCommunity => "Slack 社区",
        OpensInNewTab => "（在新标签页中打开）",
        YourAccount => "你的账户",
        AccountAndSettings => "账户与设置",
        LogOut => "退出登录",
        ThemeLabel => "主题：",
        ThemeAuto => "自动",
        ThemeLight => "浅色",
        ThemeDark => "深色",
        Language => "语言",
        LoadingLanguage => "正在加载语言…",
        Reloading => "正在重新加载页面…",
        LanguageMissing => "无法加载该语言：服务器没有返回所需的文字。请检查网络连接后重试；如果 Label Studio 刚刚更新过，请刷新页面。",
        LoadingAccount => "正在加载你的账户…",
        WhatYourAccount => "你的账户",
        AccountSettingsNav => "账户设置",
        PersonalInfo => "个人信息",
        Hotkeys => "快捷键",
        EmailPreferences => "邮件偏好",
        MembershipInfo => "成员信息",
        PersonalAccessToken => "个人访问令牌",
        LegacyToken => "旧版令牌",
        DocumentTitle => "{section} | 我的账户",
        TokenSectionsHidden => "无法加载组织的令牌设置，令牌相关页面已隐藏：{error}",
        NotAvailable => "不可用。{why}",
        NeedsHotkeysEarlier => "需要 Label Studio 1.21.0 或更高版本；此服务器运行的是更早的版本。",
        NeedsHotkeysReleaseRuns => "需要 Label Studio 1.21.0 或更高版本；此服务器运行的是 {release}。",
        LoadingSection => "正在加载此页面…",
        SectionMissing => "无法加载此页面：服务器没有返回它的代码。请检查网络连接后重试；如果 Label Studio 刚刚更新过，请刷新页面。",
        SectionStopped => "已停止加载此页面。",
        LeaveUnsaved => "你有尚未保存的更改。要离开此页面并放弃这些更改吗？",
        Loading => "正在加载…",
        CouldNotLoad => "无法加载{what}：{error}",
        TryAgain => "重试",
        Cancel => "取消",
        Copy => "复制",
        Copied => "已复制",
        PressCtrlC => "请按 Ctrl+C",
        Save => "保存",
        Saving => "正在保存…",
        Saved => "已保存。",
        StillWaiting => "仍在等待 Label Studio 响应…",
        SessionEndedBar => "你的 Label Studio 会话已结束。重新登录期间，尚未保存的更改会保留在此标签页中。",
        SignInAgain => "重新登录",
        SignedOutTitle => "你已退出登录",
        SignedOutText => "登录 Label Studio 后即可查看和修改账户设置。登录后会回到此页面。",
        SignIn => "登录",
        Unreachable => "无法连接到 Label Studio。请检查网络连接后重试。",
        StoppedWaiting => "你已停止等待 Label Studio；它可能仍然收到了该请求。",
        TimedOut => "Label Studio 在 {seconds} 秒内没有响应。请重试。",
        SessionEnded => "你的会话已结束。请重新登录。",
        UnexpectedAnswer => "Label Studio 返回了意外的响应：{what}",
        NoCredentials => "未提供身份验证凭据。",
        NoPermission => "你没有执行此操作的权限。",
        NotFound => "未找到。",
        InternalError => "Label Studio 发生内部错误。",
        RequestFailed => "请求失败，HTTP 状态码 {status}。",
        FirstName => "名",
        LastName => "姓",
        Phone => "电话",
        PhoneHint => "选填。请使用国际格式，例如 +86 10 12345678。",
        Email => "邮箱",
        EmailHint => "邮箱是你的登录名，因此无法在此修改；更换邮箱意味着注册新账户。",
        RestoredEdits => "已恢复你尚未保存的修改；请检查后点击“保存”。",
        NotSavedKept => "未保存：{error} 你的修改仍保留在此。",
        FixMarkedFields => "请修正标出的字段；未发送任何内容。",
        FirstNameTooLong => "名最多 {max} 个字符；当前为 {count} 个。",
        LastNameTooLong => "姓最多 {max} 个字符；当前为 {count} 个。",
        PhoneStartWithPlus => "请以 + 和国家代码开头，例如 +86 10 12345678。",
        PhoneDigits => "请使用 + 加 8 到 15 位数字（可包含空格、短横线、点和括号）；当前为 {count} 位数字。",
        PhoneDigitsAndOthers => "请使用 + 加 8 到 15 位数字（可包含空格、短横线、点和括号）；当前为 {count} 位数字和 {others} 个其他字符。",
        ChooseImage => "选择图片…",
        RemovePhoto => "移除照片",
        AvatarHint => "JPEG、PNG 或 GIF，最大 1200 × 1200 像素、1024 KB。也可以把图片拖放到头像上。",
        OpeningPhotoEditor => "正在打开照片编辑器…",
        PhotoEditorMissing => "无法打开照片编辑器：服务器没有返回它的代码。请检查网络连接后重试；如果 Label Studio 刚刚更新过，请刷新页面。",
    }
}

/// The photo editor in Chinese (linked into the editor's own chunk).
pub fn avatar(msg: AvatarMsg) -> &'static str {
    use AvatarMsg::*;
    match msg {
        CantUseYet => "这张图片暂时无法使用：",
        NotAnImage => "这不是 JPEG、PNG 或 GIF 图片（根据文件内容检查）。",
        Unreadable => "无法读取这张图片，文件可能已损坏。",
        TooLarge => "图片为 {width} × {height} 像素；上限为 {max} × {max} 像素。",
        TooHeavy => "文件大小为 {size}；上限为 1024 KB（{limit} 字节）。",
        BadExtension => "“{name}”的扩展名必须是 .jpg、.jpeg、.png 或 .gif。",
        CannotShrink => "无法把图片压缩到 1024 KB 以下。",
        SizeMb => "{size} MB（{bytes} 字节）",
        SizeKb => "{size} KB（{bytes} 字节）",
        Summary => "{name} — {width} × {height} 像素，{size}",
        SummaryResized => "{name} — {width} × {height} 像素，{size}（已缩放）",
        CropToSquare => " 裁剪为居中的正方形",
        ResizeToFit => "缩放到合适大小",
        Upload => "上传",
        Uploading => "正在上传…",
        PreviewAlt => "新照片的预览",
        ConfirmRemoving => "确认移除照片",
        RemoveQuestion => "要移除你的照片吗？移除后将显示你的姓名首字母。",
        Remove => "移除",
        Removing => "正在移除…",
        Checking => "正在检查图片…",
        Resizing => "正在缩小图片…",
        KeepIt => "保留",
        RestoredPhoto => "已恢复你之前选择的照片，尚未上传。",
        PhotoUpdated => "照片已更新。",
        PhotoRemoved => "照片已移除。",
        ReloadToSee => "{done} 刷新页面后即可在此看到更改。",
        UploadFailed => "上传失败：{error}",
        RemoveFailed => "无法移除照片：{error}",
        StorageFull => {
            "浏览器无法在你重新登录期间保留这张照片（存储空间已满）。登录后请重新选择照片。"
        }
    }
}

/// The smaller sections in Chinese (linked into their own chunk).
/// The keyboard map's Chinese, linked into its chunk.
pub fn keyboard_map(msg: MapMsg) -> &'static str {
    use MapMsg::*;
    match msg {
        Layers => "修饰键层",
        NoModifier => "无修饰键",
        BoundOne => "{layer} 下绑定了 {count} 个键。选择一个键，即可在下方列表中只显示它的行。",
        BoundMany => "{layer} 下绑定了 {count} 个键。选择一个键，即可在下方列表中只显示它的行。",
        KeySeparator => "：",
        Separator => "，",
        AlsoDoes => "（还有{actions}）",
        Clash => "冲突",
        Kept => "被浏览器或系统占用",
        InEditor => "在编辑器中",
        InDataManager => "在数据管理器中",
        InBoth => "在编辑器和数据管理器中",
        LegendClash => "冲突",
        LegendKept => "被浏览器或系统占用",
        LegendDataManager => "在数据管理器中生效",
        LayoutFromBrowser => "字母按你的键盘布局显示。",
        LayoutUs => "字母按美式键盘显示（此浏览器不提供键盘布局）。",
        Print => "打印速查表",
        SheetTitle => "Label Studio 快捷键",
        SheetList => "所有已启用的快捷键",
    }
}

pub fn sections(msg: SectionsMsg) -> &'static str {
    use SectionsMsg::*;
    match msg {
        NewsSwitch => "向我发送产品新闻和使用技巧",
        NewsHint => "偶尔发送有关 Label Studio 新功能的邮件。账户和安全相关的邮件总会发送。",
        NotSaved => "未保存：{error}",
        UserId => "用户 ID",
        Registered => "注册时间",
        Contributions => "贡献",
        YourMembership => "你的成员信息",
        NoOrganization => "你不属于任何组织。",
        Organization => "组织",
        Name => "名称",
        OrganizationId => "组织 ID",
        Owner => "所有者",
        Created => "创建时间",
        Unavailable => "无法获取：{error} ",
        YourRole => "你的角色",
        NoRoles => " Label Studio 社区版没有角色区分：每位成员都拥有全部权限。",
        AnnotationsSubmitted => "已提交的标注",
        ProjectsContributedTo => "参与的项目",
        ProjectsYouContributedTo => "你参与过的项目",
        ProjectsYouCreated => "你创建的项目",
        RoleOwner => "所有者",
        RoleAdministrator => "管理员",
        RoleManager => "经理",
        RoleAnnotator => "标注员",
        RoleReviewer => "审核员",
        RoleDeactivated => "已停用",
        RolePending => "待处理",
        PatIntro => "个人访问令牌用于脚本、Python SDK 和各种集成，它以你的身份执行操作。",
        YourTokens => "你的令牌",
        LoadingTokens => "正在加载令牌…",
        NoPat => "你还没有个人访问令牌。",
        PatLabel => "个人访问令牌",
        CreatedOn => "创建于 ",
        Unknown => "未知",
        Expires => "过期时间 ",
        Never => "永不过期",
        DoesNotExpire => "永不过期",
        PrefixTitle => "Label Studio 只保存令牌的前两段",
        RevokeEllipsis => "撤销…",
        RevokeQuestion => "要撤销此令牌吗？所有使用它的脚本、SDK 客户端和集成都会立即停止工作。",
        RevokeToken => "撤销令牌",
        Creating => "正在创建…",
        CreateToken => "创建令牌",
        OnePerUser => "Label Studio 每个用户只允许一个个人访问令牌：请先撤销当前令牌再创建新的。",
        ShownOnce => "令牌只在创建后显示一次。",
        ReplaceEllipsis => "替换…",
        ReplaceQuestion => "替换此令牌？使用当前令牌的脚本将停止工作。新令牌只显示一次。",
        ReplaceToken => "替换令牌",
        Replacing => "正在替换…",
        Replaced => "令牌已替换：旧令牌已失效。请立即复制新令牌。",
        NotReplaced => "未替换：{error} 当前令牌仍然有效。",
        RevokedNotCreated => "旧令牌已撤销，但无法创建新令牌：{error}",
        PatOff => "此组织已关闭个人访问令牌。",
        PatOffAdmin => "此组织已关闭个人访问令牌；组织管理员可以开启。",
        LegacyOffHere => "此组织已关闭旧版令牌。",
        LegacyOff => "此组织已关闭旧版令牌；组织管理员可以开启。",
        TurnOnEllipsis => "为所有人开启…",
        TurnOnQuestion => "为组织中的所有人开启？这会更改整个组织的设置，而不只是你的。",
        TurnOn => "开启",
        TurningOn => "正在开启…",
        CouldNotTurnOn => "无法开启：{error}",
        TurnedOn => "已为组织中的所有人开启。",
        AlreadyHaveToken => "你已经有一个令牌，而 Label Studio 每个用户只允许一个。请先撤销它。",
        CouldNotCreate => "无法创建令牌：{error}",
        Revoked => "令牌已撤销。使用它的脚本将无法再获取访问令牌。",
        AlreadyRevoked => "该令牌已被撤销。",
        CouldNotRevoke => "无法撤销：{error}",
        NewTokenTitle => "你的新个人访问令牌",
        CopyItNow => "请立即复制：它不会再次显示。任何持有此令牌的人都能以你的身份操作，请妥善保管。",
        Token => "令牌",
        CopyToken => "复制令牌",
        Testing => "正在测试…",
        TestToken => "测试令牌",
        StopWaiting => "停止等待",
        Works => "可用：已验证为 {email}。",
        ExchangeFailed => "兑换令牌失败：{error}",
        CallFailed => "使用该令牌调用 API 失败：{error}",
        NotAccepted => "令牌已兑换，但 Label Studio 不接受该访问令牌。此组织可能已停用个人访问令牌（组织 → 设置 → 访问令牌设置）。",
        RefreshExplained => "这是一个刷新令牌：在 /api/token/refresh/ 用它换取有效期 5 分钟的访问令牌，再以 \"Authorization: Bearer …\" 发送。Python SDK 会自动完成这一步。",
        EnvironmentVariables => "环境变量",
        CopiedClose => "我已复制，关闭",
        CopyExample => "复制示例",
        LegacyIntro => "旧版令牌永不过期。请以 \"Authorization: Token …\" 发送。能用个人访问令牌时请优先使用。",
        YourLegacyToken => "你的旧版令牌",
        Show => "显示",
        Hide => "隐藏",
        ExampleRequest => "请求示例",
        RenewWarning => "重新生成会立即替换此令牌。所有使用旧令牌的脚本、集成和 ML 后端都会立即停止工作，直到你为它们换上新令牌。",
        TypeToConfirm => "输入 {word} 以确认",
        Renewing => "正在重新生成…",
        RenewToken => "重新生成令牌",
        RenewEllipsis => "重新生成令牌…",
        Renewed => "已创建新令牌。旧令牌已失效。",
        CouldNotRenew => "无法重新生成：{error}",
    }
}

#[cfg(test)]
mod tests {
    use super::super::{placeholders, Catalog};
    use super::*;

    /// The same placeholders in both languages, and no empty translation.
    fn same_placeholders<M: Catalog + std::fmt::Debug>(all: &[M], chinese: fn(M) -> &'static str) {
        for &msg in all {
            let (mut en, mut zh) = (placeholders(msg.english()), placeholders(chinese(msg)));
            en.sort_unstable();
            zh.sort_unstable();
            assert_eq!(en, zh, "{msg:?}");
            assert!(!chinese(msg).trim().is_empty(), "{msg:?}");
        }
    }

    #[test]
    fn every_chinese_string_has_the_english_placeholders() {
        same_placeholders(MainMsg::ALL, main);
        same_placeholders(AvatarMsg::ALL, avatar);
        same_placeholders(SectionsMsg::ALL, sections);
        same_placeholders(MapMsg::ALL, keyboard_map);
        same_placeholders(BootMsg::ALL, boot);
    }
}
