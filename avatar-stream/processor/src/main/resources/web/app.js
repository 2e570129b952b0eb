"use strict";
/*
 * The conferencing view: a tile per participant of the picked call, loaded from GET /api/calls/{id} and kept
 * live by the Server-Sent Events of /api/calls/{id}/events. A tile shows who speaks (an avatar within the last
 * few seconds) and dims once the participant's stream ended. The cartoon is the server's SVG
 * (.../cartoon.svg, embedded in live events), so the page and any other UI show the same drawing.
 */
(() => {
  const SPEAKING_MS = 8000;
  const picker = document.getElementById("call-picker");
  const tiles = document.getElementById("tiles");
  const statusLine = document.getElementById("status");
  const empty = document.getElementById("empty");
  const template = document.getElementById("tile-template");
  const state = {callId: null, source: null, avatars: new Map()};

  const chosenCall = () => new URLSearchParams(location.search).get("call");
  const enc = encodeURIComponent;

  async function json(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  async function refreshCalls() {
    try {
      const calls = await json("/api/calls") || [];
      const wanted = state.callId || chosenCall() || (calls.find(c => c.active > 0) || calls[0] || {}).callId;
      const options = calls.map(c => {
        const o = new Option(`${c.callId} · ${c.active}/${c.participants} live`, c.callId);
        o.selected = c.callId === wanted;
        return o;
      });
      picker.replaceChildren(...(options.length ? options : [new Option("no calls yet", "")]));
      if (wanted && wanted !== state.callId) watch(wanted);
    } catch (e) {
      statusLine.textContent = "cannot list calls (" + e.message + ")";
    }
  }

  /* Newer window wins; the end-of-stream repeat of a window wins over that window. */
  function newer(a, b) {
    if (!b) return true;
    if (a.windowIndex !== b.windowIndex) return a.windowIndex > b.windowIndex;
    if (a.provisional !== b.provisional) return !a.provisional;
    return a.endOfStream && !b.endOfStream;
  }

  function accept(avatar) {
    if (avatar.callId !== state.callId) return;
    if (!newer(avatar, state.avatars.get(avatar.participantId))) return;
    avatar.receivedAt = Date.now();
    state.avatars.set(avatar.participantId, avatar);
    render(avatar);
  }

  function tileOf(participantId) {
    let tile = tiles.querySelector(`[data-participant="${CSS.escape(participantId)}"]`);
    if (!tile) {
      tile = template.content.firstElementChild.cloneNode(true);
      tile.dataset.participant = participantId;
      tile.querySelector(".name").textContent = participantId;
      const after = [...tiles.children].find(t => t.dataset.participant > participantId);
      tiles.insertBefore(tile, after || null);
    }
    return tile;
  }

  function render(a) {
    const tile = tileOf(a.participantId);
    tile.dataset.windowIndex = a.windowIndex;
    tile.classList.toggle("is-provisional", a.provisional);
    tile.classList.toggle("is-ended", a.endOfStream);
    const img = tile.querySelector(".face");
    img.src = a.faceImage || `${a.faceImageUrl}?window=${a.windowIndex}${a.provisional ? "p" : ""}`;
    drawCartoon(tile, a);
    const c = a.colours || {};
    const swatches = ["skin", "hair", "lips", "eyes"]
      .map(k => `<span class="swatch" title="${k} ${c[k]}" style="background:${c[k]}"></span>`).join(" ");
    tile.querySelector(".details").innerHTML =
      `<span>model ${escapeHtml(a.modelVersion)}</span><span>window ${a.windowIndex}</span>` +
      `<span>${a.windowsFused} fused</span><span>${a.voicedSeconds.toFixed(1)} s voiced</span>` +
      attributeDetails(a.attributes) + `<span>${swatches}</span>`;
    empty.hidden = true;
    updateSpeaking();
  }

  /* The live event carries the SVG; a snapshot's avatar fetches it. A late answer for an older avatar is dropped. */
  async function drawCartoon(tile, a) {
    const version = `${a.windowIndex}${a.provisional ? "p" : ""}${a.endOfStream ? "e" : ""}`;
    tile.dataset.cartoonFor = version;
    let svg = a.cartoonSvg;
    if (!svg) {
      try {
        const response = await fetch(`${a.cartoonUrl}?window=${version}`);
        if (!response.ok) return;
        svg = await response.text();
      } catch (e) {
        return; // the tile keeps its last cartoon; the next avatar brings one
      }
    }
    if (tile.dataset.cartoonFor === version) tile.querySelector(".cartoon").innerHTML = svg;
  }

  function attributeDetails(attributes) {
    if (!attributes) return "";
    const male = attributes.maleProbability;
    return `<span title="perceived sex, P(male)">${male >= .5 ? "♂" : "♀"} ${Math.round(100 * Math.max(male, 1 - male))} %</span>` +
      `<span title="perceived age">${Math.round(attributes.ageYears)} ± ${Math.round(attributes.ageSdYears)} y</span>`;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
  }

  function updateSpeaking() {
    const now = Date.now();
    for (const [id, a] of state.avatars) {
      const speaking = !a.endOfStream && now - a.receivedAt < SPEAKING_MS;
      tileOf(id).classList.toggle("is-speaking", speaking);
    }
  }

  async function watch(callId) {
    if (state.source) state.source.close();
    state.callId = callId;
    state.avatars.clear();
    tiles.replaceChildren();
    empty.hidden = false;
    history.replaceState(null, "", "?call=" + enc(callId));
    // Listen first, then load: an avatar made between the two is not lost.
    const source = new EventSource(`/api/calls/${enc(callId)}/events`);
    state.source = source;
    source.addEventListener("avatar", e => accept(JSON.parse(e.data)));
    source.addEventListener("removed", e => {
      const {participantId} = JSON.parse(e.data);
      state.avatars.delete(participantId);
      const tile = tiles.querySelector(`[data-participant="${CSS.escape(participantId)}"]`);
      if (tile) tile.remove();
    });
    source.onopen = () => { statusLine.textContent = "live"; statusLine.classList.add("live"); };
    source.onerror = () => { statusLine.textContent = "reconnecting…"; statusLine.classList.remove("live"); };
    const call = await json(`/api/calls/${enc(callId)}`);
    // A snapshot's avatars count as heard at their window's end, not now.
    for (const a of (call && call.participants) || []) {
      if (a.callId === state.callId && newer(a, state.avatars.get(a.participantId))) {
        state.avatars.set(a.participantId, Object.assign(a, {receivedAt: a.windowEnd}));
        render(a);
      }
    }
  }

  picker.addEventListener("change", () => picker.value && watch(picker.value));
  refreshCalls();
  setInterval(refreshCalls, 3000);
  setInterval(updateSpeaking, 1000);
})();
