// A contest round: each answer is sent when chosen, the countdown follows the seconds the server gave,
// and the form is sent when time is up. The server keeps its own time; this only shows it.
(() => {
  const round = document.querySelector('[data-round]');
  if (!round) return;
  const form = round.querySelector('[data-round-form]');
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  const timer = round.querySelector('[data-timer]');
  const deadline = Date.now() + Number(round.dataset.secondsLeft) * 1000;
  let sent = false;

  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0 && !sent) {
      sent = true;
      form.submit();
      return;
    }
    if (left > 0) setTimeout(tick, 250);
  };
  tick();

  form.addEventListener('submit', () => { sent = true; });
  form.addEventListener('change', async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
    const fieldset = input.closest('[data-question]');
    const body = new URLSearchParams({ number: fieldset.dataset.question, option: input.value, __RequestVerificationToken: token });
    const response = await fetch(`/contests/rounds/${round.dataset.round}/answers`, { method: 'POST', body, credentials: 'same-origin' });
    if (response.ok || response.status === 409) {
      fieldset.querySelectorAll('input').forEach((other) => { if (other !== input) other.disabled = true; });
      fieldset.dataset.answered = 'true';
    }
  });
})();
