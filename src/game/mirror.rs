//! The commune as entities. The rules core keeps the state as plain data;
//! this plugin mirrors it into the world so that views query components:
//! one entity per brigade (its village), and for each brigade its fields,
//! furnace and granary, plus the commune's canteen. The labour plan being
//! edited this season is mirrored too, so the map answers every change at
//! once. Nothing here changes the rules state.

use bevy::prelude::*;
use sim::LabourPlan;
use sim::calendar::Season;

use super::draft::Draft;
use super::session::Commune;
use crate::core::sets::AppSystems;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, mirror.in_set(AppSystems::Mirror));
}

/// A brigade's village: its people and how well they are.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Village {
    pub brigade: usize,
    pub people: i64,
    pub workers: i64,
    /// 0–1000; below 600 people are weak from hunger.
    pub health: i64,
}

/// A brigade's fields in the season being played.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Fields {
    pub brigade: usize,
    pub season: Season,
    /// How well the standing crop was sown and tended, in thousandths.
    pub crop: i64,
    /// The commune's irrigation works, in thousandths of the yield gained.
    pub irrigation: i64,
}

/// A brigade's backyard furnace; `staffed` is the share of its workers there.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Furnace {
    pub brigade: usize,
    pub staffed: u16,
}

/// A brigade's granary, with the grain hidden from the procurement teams.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Granary {
    pub brigade: usize,
    pub kg: i64,
    pub hidden_kg: i64,
}

/// The labour plan of a brigade for this season.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Labour {
    pub brigade: usize,
    pub plan: LabourPlan,
}

/// The commune's public canteen.
#[derive(Component, Clone, Debug, PartialEq)]
pub struct Canteen {
    /// Open, or households cooking at home.
    pub open: bool,
    /// "Eat your fill": free supply, no rationing.
    pub free: bool,
    /// Grain served a day per person in the last season, in grams (mean).
    pub served_g: i64,
}

/// Write `value` only if it differs, so change detection means a real change.
fn set<T: Component<Mutability = bevy::ecs::component::Mutable> + PartialEq>(slot: &mut Mut<T>, value: T) {
    if **slot != value {
        **slot = value;
    }
}

#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn mirror(
    mut commands: Commands,
    commune: Option<Res<Commune>>,
    roots: Query<Entity, Or<(With<Village>, With<Canteen>)>>,
    draft: Option<Res<Draft>>,
    mut villages: Query<&mut Village>,
    mut fields: Query<&mut Fields>,
    mut furnaces: Query<&mut Furnace>,
    mut granaries: Query<&mut Granary>,
    mut labour: Query<&mut Labour>,
    mut canteens: Query<&mut Canteen>,
) {
    let Some(commune) = commune else {
        // No game loaded: the mirrored commune goes too.
        for e in &roots {
            commands.entity(e).despawn();
        }
        return;
    };
    let draft_changed = draft.as_ref().is_some_and(|d| d.is_changed());
    let fresh = commune.is_added() || roots.is_empty();
    if !fresh && !commune.is_changed() && !draft_changed {
        return;
    }
    let st = &commune.state;
    let season = st.now().season;
    // The plans being drawn up this season; with no draft (the kiosk's
    // recorded game), the plans of the last season played.
    let plans: Vec<LabourPlan> = match draft {
        Some(d) => d.decisions.labour.clone(),
        None => commune.run.seasons.last().map(|d| d.labour.clone()).unwrap_or_default(),
    };
    let canteen = Canteen {
        open: st.flag("canteens"),
        free: st.flag("free_supply"),
        served_g: if st.brigades.is_empty() {
            0
        } else {
            st.brigades.iter().map(|b| b.last_food_g).sum::<i64>() / st.brigades.len() as i64
        },
    };
    if fresh {
        // A game was started or loaded: mirror it from scratch.
        for e in &roots {
            commands.entity(e).despawn();
        }
        for (i, b) in st.brigades.iter().enumerate() {
            let plan = plans.get(i).copied().unwrap_or(LabourPlan::new(100, 0, 0, 0));
            commands.spawn((
                Name::new(format!("brigade {}", b.id)),
                Village { brigade: i, people: b.people, workers: b.workers, health: b.health },
                children![
                    Fields { brigade: i, season, crop: crop_of(b, season), irrigation: st.irrigation },
                    Furnace { brigade: i, staffed: plan.furnaces },
                    Granary { brigade: i, kg: b.granary_kg, hidden_kg: b.hidden_kg },
                    Labour { brigade: i, plan },
                ],
            ));
        }
        commands.spawn((Name::new("canteen"), canteen));
        return;
    }
    for mut v in &mut villages {
        if let Some(b) = st.brigades.get(v.brigade) {
            let value = Village { brigade: v.brigade, people: b.people, workers: b.workers, health: b.health };
            set(&mut v, value);
        }
    }
    for mut f in &mut fields {
        if let Some(b) = st.brigades.get(f.brigade) {
            let value = Fields { brigade: f.brigade, season, crop: crop_of(b, season), irrigation: st.irrigation };
            set(&mut f, value);
        }
    }
    for mut g in &mut granaries {
        if let Some(b) = st.brigades.get(g.brigade) {
            let value = Granary { brigade: g.brigade, kg: b.granary_kg, hidden_kg: b.hidden_kg };
            set(&mut g, value);
        }
    }
    for mut f in &mut furnaces {
        if let Some(p) = plans.get(f.brigade) {
            let value = Furnace { brigade: f.brigade, staffed: p.furnaces };
            set(&mut f, value);
        }
    }
    for mut l in &mut labour {
        if let Some(p) = plans.get(l.brigade) {
            let value = Labour { brigade: l.brigade, plan: *p };
            set(&mut l, value);
        }
    }
    for mut c in &mut canteens {
        set(&mut c, canteen.clone());
    }
}

fn crop_of(b: &sim::state::Brigade, season: Season) -> i64 {
    if season == Season::Summer { b.summer_crop } else { b.autumn_crop }
}

/// What the map draws for one brigade, read from the mirrored entities.
#[derive(Clone, Debug, Default)]
pub struct BrigadeView {
    pub people: i64,
    pub health: i64,
    pub crop: i64,
    pub season: Option<Season>,
    pub irrigation: i64,
    pub furnace_staffed: u16,
    pub granary_kg: i64,
    pub hidden_kg: i64,
    pub plan: Option<LabourPlan>,
}

/// Everything the map needs, gathered from the mirrored entities.
#[derive(bevy::ecs::system::SystemParam)]
pub struct CommuneView<'w, 's> {
    villages: Query<'w, 's, Ref<'static, Village>>,
    fields: Query<'w, 's, Ref<'static, Fields>>,
    furnaces: Query<'w, 's, Ref<'static, Furnace>>,
    granaries: Query<'w, 's, Ref<'static, Granary>>,
    labour: Query<'w, 's, Ref<'static, Labour>>,
    canteens: Query<'w, 's, Ref<'static, Canteen>>,
}

impl CommuneView<'_, '_> {
    /// Did anything on the map change since the view last ran?
    pub fn changed(&self) -> bool {
        self.villages.iter().any(|x| x.is_changed())
            || self.fields.iter().any(|x| x.is_changed())
            || self.furnaces.iter().any(|x| x.is_changed())
            || self.granaries.iter().any(|x| x.is_changed())
            || self.labour.iter().any(|x| x.is_changed())
            || self.canteens.iter().any(|x| x.is_changed())
    }

    pub fn brigades(&self) -> Vec<BrigadeView> {
        let n = self.villages.iter().map(|v| v.brigade + 1).max().unwrap_or(0);
        let mut out = vec![BrigadeView::default(); n];
        for v in &self.villages {
            out[v.brigade].people = v.people;
            out[v.brigade].health = v.health;
        }
        for f in &self.fields {
            if let Some(b) = out.get_mut(f.brigade) {
                b.crop = f.crop;
                b.season = Some(f.season);
                b.irrigation = f.irrigation;
            }
        }
        for f in &self.furnaces {
            if let Some(b) = out.get_mut(f.brigade) {
                b.furnace_staffed = f.staffed;
            }
        }
        for g in &self.granaries {
            if let Some(b) = out.get_mut(g.brigade) {
                b.granary_kg = g.kg;
                b.hidden_kg = g.hidden_kg;
            }
        }
        for l in &self.labour {
            if let Some(b) = out.get_mut(l.brigade) {
                b.plan = Some(l.plan);
            }
        }
        out
    }

    pub fn canteen(&self) -> Option<Canteen> {
        self.canteens.iter().next().map(|c| Canteen::clone(&c))
    }
}
