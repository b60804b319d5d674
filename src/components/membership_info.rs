use leptos::prelude::*;

use crate::api::types::{Membership, ProjectRef};
use crate::components::loaded::Loaded;
use crate::components::timestamp::Timestamp;
use crate::context::{use_api, use_current_user, use_site};
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::user::role_name;
use crate::i18n::{api_error, t, tf};

/// Membership Info section: who you are in the organization and what you contributed. The
/// membership and organization calls fail independently; whoami facts always show.
#[component]
pub fn MembershipInfo() -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    let (user_id, org_id) = user.with_untracked(|u| (u.id, u.active_organization));
    let membership = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move {
                match org_id {
                    Some(org) => api.membership(org, user_id, true).await.map(Some),
                    None => Ok(None),
                }
            }
        }
    });
    let organization = LocalResource::new(move || {
        let api = api.clone();
        async move {
            match org_id {
                Some(org) => api.organization(org).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let meta = move || user.with(|u| u.active_organization_meta.clone());

    view! {
        <div class="membership">
            <dl class="facts">
                <dt>{t(SectionsMsg::UserId)}</dt>
                <dd>{user_id}</dd>
                <dt>{t(SectionsMsg::Registered)}</dt>
                <dd>
                    {move || {
                        user.with(|u| u.date_joined.clone()).map(|iso| view! { <Timestamp iso /> })
                    }}
                </dd>
            </dl>
            <section
                class="membership__block"
                aria-labelledby="contrib-title"
                data-testid="membership-block"
            >
                <h2 class="membership__title" id="contrib-title">
                    {t(SectionsMsg::Contributions)}
                </h2>
                <Loaded resource=membership what=t(SectionsMsg::YourMembership) let:found>
                    {match found {
                        None => view! { <p>{t(SectionsMsg::NoOrganization)}</p> }.into_any(),
                        Some(m) => contributions(m).into_any(),
                    }}
                </Loaded>
            </section>
            <section class="membership__block" aria-labelledby="org-title">
                <h2 class="membership__title" id="org-title">
                    {t(SectionsMsg::Organization)}
                </h2>
                <dl class="facts">
                    <dt>{t(SectionsMsg::Name)}</dt>
                    <dd>{move || meta().map(|m| m.title).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t(SectionsMsg::OrganizationId)}</dt>
                    <dd>{org_id.map_or_else(|| "—".to_string(), |id| id.to_string())}</dd>
                    <dt>{t(SectionsMsg::Owner)}</dt>
                    <dd>{move || meta().map(|m| m.email).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t(SectionsMsg::Created)}</dt>
                    <dd data-testid="org-created">
                        {move || match organization.get() {
                            None => view! { "…" }.into_any(),
                            Some(Ok(Some(org))) => {
                                org.created_at
                                    .map(|iso| view! { <Timestamp iso /> }.into_any())
                                    .unwrap_or_else(|| view! { "—" }.into_any())
                            }
                            Some(Ok(None)) => view! { "—" }.into_any(),
                            Some(Err(error)) => {
                                view! {
                                    <span class="field__error" role="alert">
                                        {tf(
                                            SectionsMsg::Unavailable,
                                            &[("error", &api_error(&error))],
                                        )}
                                    </span>
                                    <button
                                        type="button"
                                        class="button button--small"
                                        on:click=move |_| organization.refetch()
                                    >
                                        {t(MainMsg::TryAgain)}
                                    </button>
                                }
                                    .into_any()
                            }
                        }}
                    </dd>
                    <dt>{t(SectionsMsg::YourRole)}</dt>
                    <dd data-testid="role">
                        {move || match membership.get() {
                            Some(Ok(Some(Membership { role: Some(code), .. }))) => {
                                view! { {role_name(&code, t)} }.into_any()
                            }
                            _ => {
                                view! {
                                    "—"
                                    <span class="field__hint">{t(SectionsMsg::NoRoles)}</span>
                                }
                                    .into_any()
                            }
                        }}
                    </dd>
                </dl>
            </section>
        </div>
    }
}

fn contributions(m: Membership) -> impl IntoView {
    let contributed = m.contributed_to_projects.unwrap_or_default();
    let created = m.created_projects.unwrap_or_default();
    view! {
        <dl class="facts">
            <dt>{t(SectionsMsg::AnnotationsSubmitted)}</dt>
            <dd data-testid="annotations-count">{m.annotations_count}</dd>
            <dt>{t(SectionsMsg::ProjectsContributedTo)}</dt>
            <dd data-testid="projects-count">{m.contributed_projects_count}</dd>
        </dl>
        <ProjectList title=t(SectionsMsg::ProjectsYouContributedTo) projects=contributed />
        <ProjectList title=t(SectionsMsg::ProjectsYouCreated) projects=created />
    }
}

/// A titled list of project links (nothing when empty).
#[component]
fn ProjectList(
    /// Heading of the list.
    title: &'static str,
    /// The projects.
    projects: Vec<ProjectRef>,
) -> impl IntoView {
    let site = use_site();
    (!projects.is_empty()).then(|| {
        view! {
            <h3 class="membership__subtitle">{title}</h3>
            <ul class="project-list">
                {projects
                    .into_iter()
                    .map(|p| {
                        view! {
                            <li>
                                <a href=site.project(p.id) rel="external">
                                    {p.title}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
