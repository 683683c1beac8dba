//! When the game draws. A turn-based game has nothing to animate, so it
//! updates and draws only when something happens: input, a change of screen,
//! a file or a font arriving. With nothing happening it draws no frames at
//! all (`scripts/bench.sh` counts them). Kiosk mode keeps its own clock
//! (`kiosk.rs`), for its attract loop and idle countdown.
//!
//! After anything happens the game draws a couple more frames, so that work
//! one frame hands to the next (a state change applies in the frame after it
//! is asked for) is finished and on screen before it goes quiet.

use std::time::Duration;

use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseButtonInput, MouseWheel};
use bevy::input::touch::TouchInput;
use bevy::prelude::*;
use bevy::state::state::StateTransitionEvent;
use bevy::window::{RequestRedraw, WindowResized};
use bevy::winit::{UpdateMode, WinitSettings};

use crate::a11y::{AccessInbox, AccessTree};
use crate::core::action::Act;
use crate::core::flow::{Overlay, Phase, Screen};
use crate::core::sets::AppSystems;
use crate::game::language::Language;
use crate::game::lesson::Inbox;

/// Frames drawn after the last thing that happened.
const SETTLE_FRAMES: u8 = 2;

/// Wait for input without a timeout: no frame until something happens.
pub fn settings() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(Duration::MAX),
        unfocused_mode: UpdateMode::reactive_low_power(Duration::MAX),
    }
}

pub fn plugin(app: &mut App) {
    app.add_message::<RequestRedraw>()
        .add_message::<WindowResized>()
        .add_systems(Last, keep_drawing.in_set(AppSystems::Publish));
}

/// Ask for another frame while something is under way or just happened.
#[allow(clippy::too_many_arguments)]
fn keep_drawing(
    mut settle: Local<u8>,
    mut input: (
        MessageReader<KeyboardInput>,
        MessageReader<MouseButtonInput>,
        MessageReader<MouseWheel>,
        MessageReader<TouchInput>,
        MessageReader<CursorMoved>,
        MessageReader<WindowResized>,
        MessageReader<Act>,
    ),
    mut moved: (
        MessageReader<StateTransitionEvent<Screen>>,
        MessageReader<StateTransitionEvent<Phase>>,
        MessageReader<StateTransitionEvent<Overlay>>,
    ),
    pending: (Res<NextState<Screen>>, Option<Res<NextState<Phase>>>, Res<NextState<Overlay>>),
    screen: Res<State<Screen>>,
    language: Res<Language>,
    (inbox, access, text): (Res<Inbox>, Res<AccessInbox>, Res<AccessTree>),
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let happened = input.0.read().count()
        + input.1.read().count()
        + input.2.read().count()
        + input.3.read().count()
        + input.4.read().count()
        + input.5.read().count()
        + input.6.read().count()
        + moved.0.read().count()
        + moved.1.read().count()
        + moved.2.read().count()
        > 0
        // The screen changed (a press in the page's text form sends no input event).
        || text.is_changed();
    let under_way = *screen.get() == Screen::Loading
        || !language.settled()
        || !inbox.files.is_empty()
        || !inbox.notices.is_empty()
        || !access.0.is_empty()
        || asked(&pending.0)
        || pending.1.is_some_and(|p| asked(&p))
        || asked(&pending.2);
    if happened || under_way {
        *settle = SETTLE_FRAMES;
    }
    if *settle > 0 {
        *settle -= 1;
        redraw.write(RequestRedraw);
    }
}

fn asked<S: bevy::state::state::FreelyMutableState>(next: &NextState<S>) -> bool {
    !matches!(next, NextState::Unchanged)
}
