export class Broken {
  method(a: number {
    return a +;
  }
