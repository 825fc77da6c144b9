/**
 * Moves when one of this instance's writes starts and again when it ends. What was read while the mark stood still
 * missed none of this instance's writes, so it may be kept (other instances' writes are another matter).
 */
export class WriteMark {
  private moves = 0;

  get current(): number {
    return this.moves;
  }

  async around<T>(write: () => Promise<T>): Promise<T> {
    this.moves++;
    try {
      return await write();
    } finally {
      this.moves++;
    }
  }
}
