// The example article's one piece of script: the scroll-driven demo opens the tour step of the
// paragraph in view. (The demos themselves are plain <bgloop-demo> elements.)
const demo = document.getElementById('scrolly-demo');
let current = Number(demo?.getAttribute('tour')) || 3;
// On a phone the demo sits above the text and shows the learning view alone, so the paragraphs
// scroll into view beneath it; a paragraph counts as read a little lower on the screen.
const narrow = window.matchMedia('(max-width: 860px)').matches;
if (narrow && demo) demo.setAttribute('hide', 'tour,activity,circuit,reach');
const io = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    document.querySelectorAll('.beat').forEach((b) => b.classList.toggle('active', b === e.target));
    const step = Number(e.target.dataset.step);
    if (step !== current) {
      current = step;
      customElements.whenDefined('bgloop-demo').then(() => demo.tour(step));
    }
  }
}, { rootMargin: narrow ? '-62% 0px -28% 0px' : '-40% 0px -50% 0px' });
document.querySelectorAll('.beat').forEach((b) => io.observe(b));
