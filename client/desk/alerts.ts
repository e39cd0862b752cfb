// How a new report makes itself noticed: a short beep made by WebAudio (no audio file to
// load) and the number of unopened new reports in the tab title.
let audio: AudioContext | null = null;

/** Browsers start audio only after a user gesture: call this from one (the login click, any click). */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch { /* no WebAudio: silent desk */ }
}

export function beep(): void {
  if (!audio || audio.state !== 'running') return;
  const at = audio.currentTime;
  const tone = audio.createOscillator();
  const volume = audio.createGain();
  tone.type = 'sine';
  tone.frequency.setValueAtTime(880, at);
  tone.frequency.setValueAtTime(1320, at + 0.09);
  // A quick fade in and out, so the beep does not click.
  volume.gain.setValueAtTime(0.0001, at);
  volume.gain.exponentialRampToValueAtTime(0.25, at + 0.015);
  volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
  tone.connect(volume).connect(audio.destination);
  tone.start(at);
  tone.stop(at + 0.25);
}

export function setTitleCount(base: string, count: number, enabled: boolean): void {
  document.title = enabled && count > 0 ? `(${count}) ${base}` : base;
}
