//! Notices the browser sends back (a download or a print that failed, a
//! link copied, a file dropped where it cannot be used) go to whoever is in
//! front of the screen: the teacher's view while it is open, otherwise the
//! student's lesson screens. None is lost on the way.

use bevy::prelude::*;

use super::desk::Desk;
use super::lesson::Inbox;
use crate::core::flow::Screen;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;

/// A message on the current lesson screen (a bad code, a missing nickname,
/// a download that went through or failed), in the player's words.
#[derive(Resource, Default, Clone, Debug)]
pub struct LessonNotice(pub Option<String>);

pub fn plugin(app: &mut App) {
    app.init_resource::<LessonNotice>().add_systems(Update, route.in_set(AppSystems::HandleActs));
}

fn route(
    mut inbox: ResMut<Inbox>,
    screen: Option<Res<State<Screen>>>,
    desk: Option<ResMut<Desk>>,
    strings: Res<Strings>,
    mut lesson: ResMut<LessonNotice>,
) {
    if inbox.notices.is_empty() {
        return;
    }
    let words: Vec<String> = inbox.notices.drain(..).map(|key| strings.get(&key)).collect();
    let Some(last) = words.into_iter().last() else { return };
    let teacher = screen.is_some_and(|s| *s.get() == Screen::Teacher);
    match desk {
        Some(mut desk) if teacher => desk.notice = Some(last),
        _ => lesson.0 = Some(last),
    }
}
