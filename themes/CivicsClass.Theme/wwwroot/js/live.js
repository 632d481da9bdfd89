// A live final's screen: the phone of a worker who joined, or the hall's projector. The server pushes the
// room's state (server-sent events) each time it changes; this draws it. Answers are sent once and graded
// and timed on the server; the countdown follows the milliseconds the server said were left.
(() => {
  const root = document.querySelector('[data-live-room]');
  if (!root) return;
  const room = root.dataset.liveRoom;
  const phone = root.dataset.role === 'phone';
  const part = (name) => root.querySelector(`[data-live-${name}]`);
  const text = (key, ...args) => (root.dataset[`text${key}`] ?? '').replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  const form = phone ? part('answer-form') : null;
  const token = form?.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  const chosen = new Map(); // question number → option this phone sent
  let state = null;
  let deadline = 0;
  let timer = 0;

  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    part('timer').textContent = state?.stage === 'question' ? text('Seconds', left) : '';
    root.dataset.secondsLeft = String(left);
    if (state?.stage === 'question' && left > 0) timer = setTimeout(tick, 200);
  };

  const send = async (number, option, button) => {
    const feedback = part('feedback');
    const body = new URLSearchParams({ number: String(number), option: String(option), __RequestVerificationToken: token });
    const response = await fetch(`/contests/live/${room}/answers`, { method: 'POST', body, credentials: 'same-origin' });
    if (response.ok) {
      chosen.set(number, option);
      button.classList.add('chosen');
      part('options').querySelectorAll('button').forEach((b) => { b.disabled = true; });
      feedback.textContent = text('Sent');
      return;
    }
    const problem = await response.json().catch(() => null);
    feedback.textContent = problem?.title ?? response.statusText;
  };

  const drawOptions = (s) => {
    const options = part('options');
    const key = `${s.number}:${s.options ? 'shown' : 'none'}`;
    if (options.dataset.key !== key) {
      options.replaceChildren();
      options.dataset.key = key;
      (s.options ?? []).forEach((label, i) => {
        const letter = String.fromCharCode(65 + i);
        const item = document.createElement(phone ? 'button' : 'li');
        if (phone) {
          item.type = 'button';
          item.addEventListener('click', () => send(s.number, i, item));
        }
        item.dataset.option = String(i);
        item.className = 'live-option';
        item.textContent = `${letter}. ${label}`;
        options.append(item);
      });
      if (phone) part('feedback').textContent = '';
    }
    options.querySelectorAll('[data-option]').forEach((item) => {
      const i = Number(item.dataset.option);
      item.classList.toggle('right', s.answer === i);
      if (phone && (s.stage !== 'question' || chosen.has(s.number))) item.disabled = true;
    });
    if (phone && s.stage === 'closed') {
      const mine = chosen.get(s.number);
      part('feedback').textContent = mine === undefined ? text('Missed') : mine === s.answer ? text('Right') : text('Wrong');
    }
  };

  const drawTeams = (s) => {
    part('teams').replaceChildren(...s.teams.map((team) => {
      const item = document.createElement('li');
      item.dataset.team = team.id;
      item.dataset.score = String(team.score);
      const name = document.createElement('span');
      name.className = 'live-team-name';
      name.textContent = `${team.rank}. ${team.name}`;
      const score = document.createElement('strong');
      score.textContent = text('Points', team.score);
      item.append(name, score);
      return item;
    }));
    const players = part('players');
    if (players) players.textContent = text('Players', s.players, s.answers);
  };

  const render = (s) => {
    state = s;
    clearTimeout(timer);
    deadline = Date.now() + s.msLeft;
    root.dataset.stage = s.stage;
    root.dataset.number = String(s.number);
    part('number').textContent = s.number > 0 && s.stage !== 'finished' ? text('Number', s.number, s.total) : '';
    part('question').textContent = s.question ?? (s.stage === 'finished' ? text('Finished') : text('Waiting'));
    drawOptions(s);
    drawTeams(s);
    tick();
  };

  const events = new EventSource(`/contests/live/${room}/events`);
  events.addEventListener('room', (event) => {
    const s = JSON.parse(event.data);
    render(s);
    if (s.stage === 'finished') events.close();
  });
})();
