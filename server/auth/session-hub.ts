type Listener = (sessionIds: string[]) => void;

/**
 * Tells whoever holds a session open (the desk sockets) that it ended: logout, a disabled
 * account or a password reset. Services announce; the realtime layer listens and disconnects.
 */
export class SessionHub {
  private readonly listeners = new Set<Listener>();

  onEnded(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ended(sessionIds: string[]): void {
    if (sessionIds.length === 0) return;
    for (const listener of this.listeners) listener(sessionIds);
  }
}
