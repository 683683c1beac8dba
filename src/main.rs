fn main() {
    great_leap::app().run();
}
